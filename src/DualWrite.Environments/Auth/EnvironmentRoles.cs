namespace DualWrite.Environments.Auth;

/// <summary>The security roles a principal can hold; tokens carry them as <c>roles</c> claims.</summary>
public static class EnvironmentRoles
{
    /// <summary>Everything, including registering hooks and webhooks and setting the fault knobs.</summary>
    public const string SystemAdministrator = "SystemAdministrator";

    /// <summary>Reads and writes data.</summary>
    public const string ApplicationUser = "ApplicationUser";

    /// <summary>Reads data only.</summary>
    public const string ReadOnly = "ReadOnly";
}
