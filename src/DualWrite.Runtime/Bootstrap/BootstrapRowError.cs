namespace DualWrite.Runtime.Bootstrap;

/// <summary>One row a bootstrap could not write, and why.</summary>
/// <param name="Line">The line of the file the row starts on; null for a row read from Dataverse.</param>
/// <param name="Key">The row's key as far as it could be read (its integration key, or its Dataverse id).</param>
/// <param name="Reason">What went wrong, for a person.</param>
public sealed record BootstrapRowError(long? Line, string Key, string Reason);
