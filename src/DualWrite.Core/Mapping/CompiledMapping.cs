using DualWrite.Core.Maps;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Mapping;

/// <summary>A field mapping with its fields found in the schemas and its constants already of the right types.</summary>
internal sealed record CompiledMapping
{
    public required FieldMapping Mapping { get; init; }

    /// <summary>The symbol form, for messages.</summary>
    public required string Text { get; init; }

    public FieldSchema? FinOps { get; init; }

    /// <summary>The column of the map's Dataverse table: the lookup itself for a path.</summary>
    public FieldSchema? DataverseColumn { get; init; }

    /// <summary>The field at the end of the Dataverse path (the column itself when there is no lookup).</summary>
    public FieldSchema? DataverseLeaf { get; init; }

    public DefaultValue? DataverseDefault { get; init; }

    public DefaultValue? FinOpsDefault { get; init; }

    /// <summary>The value map's pairs as values of the two fields.</summary>
    public IReadOnlyList<(object? FinOps, object? Dataverse)>? Pairs { get; init; }

    public (object? FinOps, object? Dataverse)? PairDefault { get; init; }

    public bool IsKey { get; init; }
}
