using DualWrite.Core.Maps;
using DualWrite.Core.Schema;

namespace DualWrite.Runtime.Reconciliation;

/// <summary>A field mapping that carries a value from a real field on one side to a real field on the other.</summary>
/// <param name="Text">The mapping in symbol form.</param>
/// <param name="Direction">The ways its values travel.</param>
/// <param name="FinOps">The F&amp;O field.</param>
/// <param name="Dataverse">The Dataverse column or lookup path.</param>
/// <param name="DataverseField">The Dataverse column's schema, to show its value; null for a lookup, shown by the key value it reaches.</param>
internal sealed record ComparedField(string Text, MappingDirection Direction, FieldSchema FinOps, FieldPath Dataverse, FieldSchema? DataverseField);
