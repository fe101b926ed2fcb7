namespace DualWrite.Server.Admin.Bootstrap;

/// <summary>What a bootstrap job does.</summary>
internal enum BootstrapJobKind
{
    /// <summary>Gives Dataverse rows without a company one.</summary>
    Company,

    /// <summary>Loads a data-management export into Dataverse through a map.</summary>
    File,
}
