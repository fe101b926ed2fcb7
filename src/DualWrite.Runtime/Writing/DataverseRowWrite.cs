using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Mapping;
using DualWrite.Core.Rows;

namespace DualWrite.Runtime.Writing;

/// <summary>One mapped row to write to Dataverse: where, how, its columns and the lookups still to resolve.</summary>
/// <param name="Key">The row's integration key, for outcomes and errors.</param>
/// <param name="Company">The row's company, for messages; null in a global map.</param>
/// <param name="Table">The table's logical name.</param>
/// <param name="Operation">Upsert for rows that may or may not exist, Update, Create or Delete.</param>
/// <param name="Address">The row's id, or its alternate key.</param>
/// <param name="Values">Plain columns.</param>
/// <param name="Lookups">Lookups to resolve to ids and bind.</param>
public sealed record DataverseRowWrite(
    RowKey Key,
    string? Company,
    string Table,
    DataverseOperation Operation,
    DataverseKey? Address,
    Row Values,
    IReadOnlyList<LookupRequest> Lookups);
