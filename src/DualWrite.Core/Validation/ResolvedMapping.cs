using DualWrite.Core.Maps;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Validation;

/// <summary>A field mapping with the fields it names found in the schemas, as far as they could be found.</summary>
internal sealed record ResolvedMapping
{
    public required FieldMapping Mapping { get; init; }

    /// <summary>The symbol form, which every finding about the mapping names it by.</summary>
    public required string Text { get; init; }

    /// <summary>Null for none, for a field the entity lacks, and when the entity itself is unknown.</summary>
    public FieldSchema? FinOps { get; init; }

    /// <summary>The column of the map's own table: the lookup for a path.</summary>
    public FieldSchema? DataverseColumn { get; init; }

    /// <summary>The field the path ends at; null unless every segment of the path was found.</summary>
    public FieldSchema? DataverseLeaf { get; init; }

    public bool WritesFinOps => Mapping.FinOps is not null && Mapping.Carries(SyncDirection.DataverseToFinOps);

    public bool WritesDataverse => Mapping.Dataverse is not null && Mapping.Carries(SyncDirection.FinOpsToDataverse);
}
