using System.Diagnostics;
using DualWrite.Bench.Hosting;
using DualWrite.Bench.Measuring;
using DualWrite.Environments.Hosting;
using DualWrite.Environments.Storage;
using Spectre.Console;

namespace DualWrite.Bench.InitialSync;

/// <summary>
/// What the benchmarks over customers start from: F&amp;O with its demo data and the customers added, an empty
/// Dataverse with the linked companies, both in this process, the runtime's side over them, and the dependency maps
/// (Legal entities, Currencies, Terms of payment, Customer groups) synced. None of it is measured.
/// </summary>
internal sealed class BenchSetup : IAsyncDisposable
{
    private static readonly string[] DependencyMaps = ["Legal entities", "Currencies", "Terms of payment", "Customer groups"];

    private BenchSetup(RequestActivity activity, BenchEnvironment finOps, BenchEnvironment dataverse, BenchRuntime runtime, IReadOnlyList<string> companies)
    {
        Activity = activity;
        FinOps = finOps;
        Dataverse = dataverse;
        Runtime = runtime;
        Companies = companies;
    }

    /// <summary>Requests of both environments' transports, timed together.</summary>
    public RequestActivity Activity { get; }

    public BenchEnvironment FinOps { get; }

    public BenchEnvironment Dataverse { get; }

    public BenchRuntime Runtime { get; }

    public IReadOnlyList<string> Companies { get; }

    /// <summary>How long putting the customers into F&amp;O took.</summary>
    public TimeSpan Fill { get; private set; }

    /// <summary>How long the dependency maps' initial syncs took.</summary>
    public TimeSpan Dependencies { get; private set; }

    public static async Task<BenchSetup> StartAsync(InitialSyncSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var companies = InitialSyncBenchmark.DemoCompanies.Take(settings.Companies).ToArray();
        console.MarkupLine("[grey]Starting F&O with demo data and an empty Dataverse on loopback…[/]");
        var activity = new RequestActivity();
        var finOps = await BenchEnvironment.StartAsync(EnvironmentKind.FinOps, demo: true, activity, cancellationToken);
        BenchEnvironment? dataverse = null;
        BenchRuntime? runtime = null;
        try
        {
            dataverse = await BenchEnvironment.StartAsync(EnvironmentKind.Dataverse, demo: false, activity, cancellationToken);
            runtime = await BenchRuntime.OpenAsync(finOps, dataverse, settings, companies, cancellationToken);
            var setup = new BenchSetup(activity, finOps, dataverse, runtime, companies);
            await setup.FillAsync(settings, console, cancellationToken);
            return setup;
        }
        catch
        {
            if (runtime is not null)
            {
                await runtime.DisposeAsync();
            }

            if (dataverse is not null)
            {
                await dataverse.DisposeAsync();
            }

            await finOps.DisposeAsync();
            throw;
        }
    }

    /// <summary>The organisation customers of the linked companies, counted in F&amp;O's storage a page at a time: the accounts map's rows.</summary>
    public long Organisations()
    {
        var table = FinOps.Schema.GetTable(CustomerFill.Entity);
        var linked = new HashSet<string>(Companies, StringComparer.OrdinalIgnoreCase);
        var count = 0L;
        PageCursor? after = null;
        while (true)
        {
            var page = FinOps.Store.Query(new RowQuery(table) { Take = 10_000, After = after });
            if (page.Rows.Count == 0)
            {
                return count;
            }

            count += page.Rows.Count(r => r.Values["dataAreaId"] is string company && linked.Contains(company) && CustomerFill.IsOrganisation(table, r.Values));
            after = page.Cursors[^1];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await Dataverse.DisposeAsync();
        await FinOps.DisposeAsync();
    }

    private async Task FillAsync(InitialSyncSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        console.MarkupLine(Markup.Escape($"Adding {settings.Customers:N0} customers to F&O through its {InitialSyncBenchmark.Describe(settings.Fill)}…"));
        var fill = Stopwatch.StartNew();
        await CustomerFill.RunAsync(FinOps, Runtime.FinOps, settings.Fill, settings.Customers, Companies, cancellationToken);
        Fill = fill.Elapsed;

        console.MarkupLine(Markup.Escape($"Syncing the dependency maps ({string.Join(", ", DependencyMaps)})…"));
        var dependencies = Stopwatch.StartNew();
        await Runtime.EnsureCompaniesAsync(cancellationToken);
        foreach (var map in DependencyMaps)
        {
            var result = await Runtime.SyncAsync(map, cancellationToken);
            if (result.Failed > 0)
            {
                throw new InvalidOperationException($"{map}: {result.Failed} rows failed, so the accounts would miss their lookups; first: {InitialSyncBenchmark.Describe(result)}");
            }
        }

        Dependencies = dependencies.Elapsed;
    }
}
