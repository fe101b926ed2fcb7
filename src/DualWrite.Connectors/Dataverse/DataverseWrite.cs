using DualWrite.Core.Rows;

namespace DualWrite.Connectors.Dataverse;

/// <summary>One row to create, upsert, update or delete.</summary>
/// <param name="Table">The table's logical name (<c>account</c>).</param>
/// <param name="Operation">What to do.</param>
/// <param name="Key">The row's id or alternate key; required except for a create, where it makes the create fail when the row exists.</param>
/// <param name="Values">Plain columns and their values, typed as <see cref="Row"/> holds them; a lookup given here is set as a bind.</param>
/// <param name="Binds">Lookup columns and the id of the related row; null clears the lookup.</param>
public sealed record DataverseWrite(
    string Table,
    DataverseOperation Operation,
    DataverseKey? Key = null,
    Row? Values = null,
    IReadOnlyDictionary<string, Guid?>? Binds = null);
