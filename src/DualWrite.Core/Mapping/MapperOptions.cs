namespace DualWrite.Core.Mapping;

/// <summary>What the mapper needs to know of the connection.</summary>
public sealed record MapperOptions
{
    /// <summary>The linked companies; rows of other companies are skipped. Null takes every company.</summary>
    public IReadOnlyCollection<string>? Companies { get; init; }
}
