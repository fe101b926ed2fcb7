using System.Security.Cryptography;

namespace DualWrite.Runtime.Connection;

/// <summary>The shared secret both environments send with every hook call, so that the runtime knows the call is theirs.</summary>
internal static class HookSecret
{
    /// <summary>The header that carries it; F&amp;O sends its sync hook secret in the same header.</summary>
    public const string Header = "X-DualWrite-Hook-Secret";

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Takes out any secret that an environment's message might echo back.</summary>
    public static string Redact(string message, params string?[] secrets) =>
        secrets.Where(s => !string.IsNullOrEmpty(s)).Aggregate(message, (text, secret) => text.Replace(secret!, "***", StringComparison.Ordinal));
}
