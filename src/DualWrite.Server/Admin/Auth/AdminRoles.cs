namespace DualWrite.Server.Admin.Auth;

/// <summary>The two kinds of token and the policies over them: a reader reads, an administrator does everything.</summary>
internal static class AdminRoles
{
    public const string Administrator = "administrator";
    public const string Reader = "reader";

    /// <summary>The authentication scheme of the admin API's bearer tokens.</summary>
    public const string Scheme = "AdminToken";

    /// <summary>Policy of every <c>GET</c>: either role.</summary>
    public const string ReadPolicy = "admin-read";

    /// <summary>Policy of every call that changes something: administrators only.</summary>
    public const string ChangePolicy = "admin-change";
}
