namespace DualWrite.Core.Maps;

/// <summary>A named, published, versioned package of table maps: what travels between runtimes.</summary>
public sealed record Solution
{
    public required string Name { get; init; }

    public required string Publisher { get; init; }

    public required FourPartVersion Version { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<TableMap> Maps { get; init; } = [];

    public TableMap? FindMap(string name) =>
        Maps.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Name} {Version} ({Publisher})";
}
