namespace DualWrite.Runtime.Store;

/// <summary>One step of the store's schema; applied once, in version order, and recorded.</summary>
public sealed record Migration(int Version, string Description, string Sql);
