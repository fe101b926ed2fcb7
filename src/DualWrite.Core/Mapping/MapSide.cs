using DualWrite.Core.Filtering;
using DualWrite.Core.Rows;

namespace DualWrite.Core.Mapping;

/// <summary>What one direction of a map needs per row, worked out once: its source filter and the mappings it carries.</summary>
/// <param name="Filter">The source side's filter, or null.</param>
/// <param name="Matches">The filter compiled against the source table.</param>
/// <param name="FilterName">How the filter is named in a skipped row's reason.</param>
/// <param name="Carried">The mappings this direction carries.</param>
/// <param name="SourceFields">The source fields of the carried mappings that are not key fields.</param>
internal sealed record MapSide(
    FilterExpression? Filter,
    Func<Row, bool>? Matches,
    string FilterName,
    IReadOnlyList<CompiledMapping> Carried,
    IReadOnlyList<string> SourceFields);
