using DualWrite.Runtime;

namespace DualWrite.Server.Hosting;

/// <summary>Where the runtime listens and how it works.</summary>
public sealed record ServerOptions
{
    /// <summary>The address to listen on: <c>http://127.0.0.1:5100</c>; port 0 takes a free one.</summary>
    public string Url { get; init; } = "http://127.0.0.1:5100";

    public required RuntimeOptions Runtime { get; init; }

    /// <summary>
    /// Where the admin API's tokens are kept; <c>credentials.json</c> beside the runtime's store when null. Made on
    /// first start, readable by its owner only.
    /// </summary>
    public string? CredentialsPath { get; init; }

    /// <summary>Log requests and the runtime's work to the console.</summary>
    public bool Verbose { get; init; }
}
