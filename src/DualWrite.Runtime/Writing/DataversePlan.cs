using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Mapping;
using DualWrite.Core.Rows;

namespace DualWrite.Runtime.Writing;

/// <summary>
/// How a mapped row becomes a Dataverse write, the same for every path: to a row known by its id, or by the
/// table's alternate key (the key columns with the company); lookups other than the company left to resolve,
/// those to the map's own table apart, for they may name a row written in the same batch.
/// </summary>
internal static class DataversePlan
{
    /// <param name="mapper">The map's row mapper.</param>
    /// <param name="mapped">The mapped row.</param>
    /// <param name="operation">Upsert for a row that may or may not be there, Update, or Delete.</param>
    /// <param name="company">The row's company code, for messages; null in a global map.</param>
    /// <param name="companyId">The company's row id, part of the alternate key; null in a global map.</param>
    /// <param name="existingId">The row's id when it is known to exist.</param>
    public static (DataverseRowWrite Write, DataverseRowWrite? OwnLookups) Of(
        RowMapper mapper, MapResult mapped, DataverseOperation operation, string? company, Guid? companyId, Guid? existingId = null)
    {
        var table = mapper.DataverseTable;
        var address = existingId is { } id
            ? DataverseKey.ById(id)
            : DataverseKey.ByAlternateKey(mapper.Key.Select(k => new KeyValuePair<string, object?>(k.Dataverse.Column, mapped.Values.GetValueOrDefault(k.Dataverse.Column)))
                .Concat(companyId is { } owner ? [new KeyValuePair<string, object?>(table.CompanyField!, owner)] : []));
        if (operation == DataverseOperation.Delete)
        {
            return (new DataverseRowWrite(mapped.Key!, company, table.Name, operation, address, new Row(), []), null);
        }

        var values = new Row(mapped.Values);
        if (existingId is not null)
        {
            foreach (var part in mapper.Key)
            {
                values.Remove(part.Dataverse.Column);
            }
        }

        var lookups = mapped.Lookups
            .Where(l => companyId is null || !string.Equals(l.Column, table.CompanyField, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var own = lookups.Where(l => string.Equals(l.Table, table.Name, StringComparison.OrdinalIgnoreCase)).ToArray();
        var write = new DataverseRowWrite(mapped.Key!, company, table.Name, operation, address, values, lookups.Except(own).ToArray());
        return (write, own.Length > 0 ? new DataverseRowWrite(mapped.Key!, company, table.Name, DataverseOperation.Update, address, new Row(), own) : null);
    }
}
