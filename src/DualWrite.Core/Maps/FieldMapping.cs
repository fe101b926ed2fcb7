namespace DualWrite.Core.Maps;

/// <summary>One field pair of a table map, with its direction and transforms.</summary>
public sealed record FieldMapping
{
    /// <summary>The F&amp;O field, matched ignoring case; null for "none" (a default supplies the value).</summary>
    public string? FinOps { get; init; }

    /// <summary>The Dataverse column or lookup path; null for "none".</summary>
    public FieldPath? Dataverse { get; init; }

    public MappingDirection Direction { get; init; } = MappingDirection.Both;

    /// <summary>Written to Dataverse when the F&amp;O side has no field or no value.</summary>
    public DefaultValue? DataverseDefault { get; init; }

    /// <summary>Written to F&amp;O when the Dataverse side has no field or no value.</summary>
    public DefaultValue? FinOpsDefault { get; init; }

    public ValueMap? ValueMap { get; init; }

    public bool Carries(SyncDirection direction) => direction == SyncDirection.FinOpsToDataverse
        ? Direction is MappingDirection.Both or MappingDirection.ToDataverse
        : Direction is MappingDirection.Both or MappingDirection.ToFinOps;

    /// <summary>Whether values change on the way (a value map or a default), as the symbol view marks it.</summary>
    public bool Transforms => ValueMap is not null || DataverseDefault is not null || FinOpsDefault is not null;

    public override string ToString() => MapText.Of(this);
}
