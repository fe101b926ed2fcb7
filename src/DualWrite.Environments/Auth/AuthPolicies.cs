namespace DualWrite.Environments.Auth;

internal static class AuthPolicies
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Administer = "administer";
}
