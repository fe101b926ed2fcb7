using DualWrite.Core.Filtering;
using DualWrite.Core.Schema;

namespace DualWrite.Environments.Storage;

internal sealed record RowQuery(TableSchema Table)
{
    public FilterExpression? Filter { get; init; }

    /// <summary>Finds a field by the name a filter uses; by default the table's fields.</summary>
    public Func<string, FieldSchema?>? Resolve { get; init; }

    public IReadOnlyList<SortField> OrderBy { get; init; } = [];

    public int? Take { get; init; }

    public int Skip { get; init; }

    public PageCursor? After { get; init; }
}
