using System.Collections.Concurrent;
using DualWrite.Core.Maps;
using DualWrite.Core.Mapping;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.LiveSync;

/// <summary>
/// What live sync works with between changes of the link: the linked environments' clients, the change writer
/// with its lookup cache, every active map's row mapper, and the linked companies' row ids in Dataverse. Making it
/// calls neither environment, so that a side that is down fails the transaction that needs it, with its map named.
/// </summary>
internal sealed class LiveContext(LinkedEnvironments environments, ChangeWriter writer, IReadOnlyList<RowMapper> mappers, ConcurrentDictionary<string, Guid>? companyIds = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, Guid> companyIds = companyIds ?? new(StringComparer.OrdinalIgnoreCase);

    public LinkedEnvironments Environments { get; } = environments;

    public ChangeWriter Writer { get; } = writer;

    /// <summary>A linked company's row id in Dataverse, read when first needed; null when Dataverse has no such company.</summary>
    public async Task<Guid?> CompanyIdAsync(string company, CancellationToken cancellationToken)
    {
        if (companyIds.TryGetValue(company, out var known))
        {
            return known;
        }

        var id = await Environments.Dataverse.CompanyIdAsync(company, cancellationToken);
        if (id is { } found)
        {
            companyIds[company] = found;
        }

        return id;
    }

    /// <summary>The mappers of the maps whose source, going the way <paramref name="direction"/> says, is <paramref name="table"/>.</summary>
    public IEnumerable<RowMapper> For(string table, SyncDirection direction) => mappers.Where(m =>
        string.Equals(direction == SyncDirection.FinOpsToDataverse ? m.Map.FinOpsEntity : m.Map.DataverseTable, table, StringComparison.OrdinalIgnoreCase)
        && m.Map.Fields.Any(f => f.Carries(direction)));

    /// <summary>The same environments, writer and company ids with other maps; disposing either disposes the environments.</summary>
    public LiveContext With(IReadOnlyList<RowMapper> maps) => new(Environments, Writer, maps, companyIds);

    public RowMapper? Find(string map) => mappers.FirstOrDefault(m => string.Equals(m.Map.Name, map, StringComparison.OrdinalIgnoreCase));

    public void Dispose() => Environments.Dispose();
}
