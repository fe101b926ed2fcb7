namespace DualWrite.Cli.Remote.Shapes;

/// <summary>What Run proposes for a map: the maps in run order, dependencies first, and the master.</summary>
internal sealed record RelatedMaps(IReadOnlyList<RelatedMap> Maps, string? Master);
