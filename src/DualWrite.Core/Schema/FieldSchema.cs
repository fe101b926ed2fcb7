namespace DualWrite.Core.Schema;

public sealed record FieldSchema
{
    public required string Name { get; init; }

    public required FieldType Type { get; init; }

    /// <summary>Longest string accepted; null for no limit.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Digits kept after the decimal point for decimal and money fields.</summary>
    public int Scale { get; init; } = 4;

    public EnumType? Enum { get; init; }

    /// <summary>For a lookup: the logical name of the table it points to.</summary>
    public string? LookupTarget { get; init; }

    public bool IsRequired { get; init; }

    public bool IsValidForCreate { get; init; } = true;

    public bool IsValidForUpdate { get; init; } = true;

    /// <summary>Written but never read back (a webhook's secret, for one).</summary>
    public bool IsSecret { get; init; }

    public string? Description { get; init; }
}
