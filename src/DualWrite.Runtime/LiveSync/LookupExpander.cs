using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Mapping;
using DualWrite.Core.Rows;

namespace DualWrite.Runtime.LiveSync;

/// <summary>
/// Gives a Dataverse row from a webhook the values its map reads through lookups (<c>msdyn_company.cdm_companycode</c>),
/// as initial sync gets them by <c>$expand</c>: the webhook carries only the related rows' ids, and the row itself
/// cannot be read back while its transaction is open, so each related row is read by id, once per call.
/// </summary>
internal sealed class LookupExpander(DataverseClient dataverse)
{
    private readonly Dictionary<(string Table, Guid Id), Row?> read = [];

    public async Task ExpandAsync(RowMapper mapper, Row row, CancellationToken cancellationToken)
    {
        foreach (var path in mapper.DataverseReadPaths.Where(p => p.IsLookup))
        {
            object? value = null;
            if (row.GetValueOrDefault(path.Column) is Guid id && mapper.DataverseTable.FindField(path.Column)?.LookupTarget is { } target)
            {
                if (!read.TryGetValue((target, id), out var related))
                {
                    related = await dataverse.ReadAsync(target, DataverseKey.ById(id), cancellationToken);
                    read[(target, id)] = related;
                }

                value = related?.GetValueOrDefault(path.Segments[1]);
            }

            row[path.ToString()] = value;
        }
    }
}
