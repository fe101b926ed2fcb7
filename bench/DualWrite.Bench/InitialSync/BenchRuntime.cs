using DualWrite.Bench.Hosting;
using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Rows;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Reconciliation;
using DualWrite.Runtime.Store;
using DualWrite.Runtime.Writing;

namespace DualWrite.Bench.InitialSync;

/// <summary>
/// The runtime's side of the benchmark, put together as the runtime does it: both clients over the timed
/// transports, one change writer and lookup resolver, a SQLite runtime store in a temporary folder, and the
/// out-of-box maps with the linked companies.
/// </summary>
internal sealed class BenchRuntime : IAsyncDisposable
{
    private const int ErrorsShown = 5;
    private const string LegalEntities = "LegalEntities";

    private readonly BenchEnvironment finOpsEnvironment;
    private readonly BenchEnvironment dataverseEnvironment;
    private readonly TempFolder folder;
    private readonly SqliteRuntimeStore store;
    private readonly ChangeWriter writer;
    private readonly InitialSyncRunner runner;
    private readonly IReadOnlyList<string> companies;

    private BenchRuntime(BenchEnvironment finOps, BenchEnvironment dataverse, TempFolder folder, SqliteRuntimeStore store, InitialSyncSettings settings, IReadOnlyList<string> companies)
    {
        finOpsEnvironment = finOps;
        dataverseEnvironment = dataverse;
        this.folder = folder;
        this.store = store;
        this.companies = companies;
        FinOps = new FinOpsClient(finOps.Transport, finOps.Schema);
        Dataverse = new DataverseClient(dataverse.Transport, dataverse.Schema);
        writer = new ChangeWriter(FinOps, Dataverse, new LookupResolver(Dataverse), new ChangeWriterOptions(settings.BatchSize, settings.Parallelism));
        runner = new InitialSyncRunner(FinOps, Dataverse, writer, store, new InitialSyncOptions(settings.PageSize, settings.CheckpointEvery));
    }

    public FinOpsClient FinOps { get; }

    public DataverseClient Dataverse { get; }

    /// <summary>The change writer every path of the benchmark writes with.</summary>
    public ChangeWriter Writer => writer;

    public static async Task<BenchRuntime> OpenAsync(BenchEnvironment finOps, BenchEnvironment dataverse, InitialSyncSettings settings, IReadOnlyList<string> companies, CancellationToken cancellationToken)
    {
        var folder = TempFolder.Create("runtime");
        try
        {
            var store = await SqliteRuntimeStore.OpenAsync(Path.Combine(folder.Path, "runtime.db"), TimeProvider.System, cancellationToken);
            return new BenchRuntime(finOps, dataverse, folder, store, settings, companies);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The linked companies' <c>cdm_company</c> rows, which company-specific rows in Dataverse point at, named as
    /// in F&amp;O: a company with no name would be the master's value in the Legal entities map, and F&amp;O
    /// requires one.
    /// </summary>
    public async Task EnsureCompaniesAsync(CancellationToken cancellationToken)
    {
        foreach (var company in companies)
        {
            var legalEntity = await FinOps.ReadAsync(LegalEntities, RowKey.Of(("LegalEntityId", company)), cancellationToken)
                ?? throw new InvalidOperationException($"F&O has no legal entity {company}");
            await Dataverse.EnsureCompanyAsync(company, legalEntity.GetValueOrDefault("Name") as string, cancellationToken);
        }
    }

    /// <summary>Runs one map's initial sync to the end, F&amp;O and Dataverse both as they are, Dataverse the master.</summary>
    public async Task<MapSyncResult> SyncAsync(string map, CancellationToken cancellationToken)
    {
        var mapper = Mapper(map);
        var run = await store.StartSyncRunAsync(map, Master.Dataverse, skipFailedKeys: false, cancellationToken);
        var progress = await runner.RunAsync(mapper, run, companies, new HashSet<string>(), cancellationToken);
        await store.FinishSyncRunAsync(run.Id, SyncRunStatus.Completed, null, cancellationToken);

        // The next map's lookups point at rows this one created; the resolver must not answer from before.
        writer.Lookups.Forget();
        var toDataverse = progress.Aggregate(new SyncCounts(), (sum, p) => sum + p.ToDataverse);
        var toFinOps = progress.Aggregate(new SyncCounts(), (sum, p) => sum + p.ToFinOps);
        var errors = toDataverse.Failed + toFinOps.Failed > 0 ? await store.GetSyncErrorsAsync(run.Id, 0, ErrorsShown, cancellationToken) : [];
        return new MapSyncResult(map, toDataverse, toFinOps, errors);
    }

    /// <summary>Compares both sides of one map over every linked company, as the runtime does, keeping the first differences.</summary>
    public Task<ComparisonReport> CompareAsync(string map, int pageSize, int maxDifferences, CancellationToken cancellationToken) =>
        new Comparison(FinOps, Dataverse, new ComparisonOptions(pageSize, maxDifferences)).RunAsync(Mapper(map), companies, null, cancellationToken);

    /// <summary>
    /// Reads what a comparison of the map reads, the same requests company by company, both sides at once, and only
    /// counts the rows: no merge, no mapping, no comparing.
    /// </summary>
    /// <returns>The rows read on both sides.</returns>
    public async Task<long> ReadBothSidesAsync(string map, int pageSize, CancellationToken cancellationToken)
    {
        var mapper = Mapper(map);
        var rows = 0L;
        foreach (var company in companies)
        {
            var companyId = await KeyOrderedRead.CompanyIdAsync(Dataverse, company, cancellationToken);
            var (finOpsRows, dataverseRows) = KeyOrderedRead.Sides(FinOps, Dataverse, mapper, company, companyId, after: null, pageSize, cancellationToken);
            var counted = await Task.WhenAll(CountAsync(finOpsRows), CountAsync(dataverseRows));
            rows += counted.Sum();
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await store.DisposeAsync();
        folder.Dispose();
    }

    private static async Task<long> CountAsync(IAsyncEnumerable<Row> rows)
    {
        var count = 0L;
        await foreach (var _ in rows)
        {
            count++;
        }

        return count;
    }

    private RowMapper Mapper(string map)
    {
        var tableMap = OutOfBoxSolution.Load().FindMap(map) ?? throw new InvalidOperationException($"the out-of-box solution has no map '{map}'");
        return new RowMapper(tableMap, finOpsEnvironment.Schema, dataverseEnvironment.Schema, new MapperOptions { Companies = companies.ToArray() });
    }
}
