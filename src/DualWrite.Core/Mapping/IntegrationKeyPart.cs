using DualWrite.Core.Maps;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Mapping;

/// <summary>One part of a map's integration key: the F&amp;O field and the Dataverse column or path that hold it.</summary>
public sealed record IntegrationKeyPart(FieldSchema FinOps, FieldPath Dataverse, FieldSchema DataverseLeaf);
