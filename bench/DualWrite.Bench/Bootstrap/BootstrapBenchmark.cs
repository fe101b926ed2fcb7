using System.Diagnostics;
using DualWrite.Bench.Hosting;
using DualWrite.Bench.InitialSync;
using DualWrite.Bench.Measuring;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Environments.Hosting;
using DualWrite.Runtime.Bootstrap;
using Spectre.Console;

namespace DualWrite.Bench.Bootstrap;

/// <summary>
/// Measures the file bootstrap of customers into an empty Dataverse: an export written beforehand, the companies and
/// the dependency maps' rows put in Dataverse first, then the load timed with its memory and requests, and the
/// Dataverse storage's own insert rate over the same rows as the yardstick, as the initial sync benchmark does.
/// </summary>
internal static class BootstrapBenchmark
{
    private const int ErrorsShown = 5;
    private static readonly string[] Dependencies = ["Legal entities", "Currencies", "Terms of payment", "Customer groups"];

    public static async Task<BootstrapFigures> RunAsync(BootstrapSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var companies = InitialSyncBenchmark.DemoCompanies.Take(settings.Companies).ToArray();
        console.MarkupLine("[grey]Starting F&O with demo data and an empty Dataverse on loopback…[/]");
        var activity = new RequestActivity();
        await using var finOps = await BenchEnvironment.StartAsync(EnvironmentKind.FinOps, demo: true, activity, cancellationToken);
        await using var dataverse = await BenchEnvironment.StartAsync(EnvironmentKind.Dataverse, demo: false, activity, cancellationToken);
        var runtimeSettings = new InitialSyncSettings(0, settings.Companies, settings.BatchSize, settings.Parallelism, 5_000, 2_000, FillMethod.Storage);
        await using var runtime = await BenchRuntime.OpenAsync(finOps, dataverse, runtimeSettings, companies, cancellationToken);
        using var folder = TempFolder.Create("bootstrap");

        console.MarkupLine(Markup.Escape($"Writing an export of {settings.Customers:N0} customers across {string.Join(", ", companies)}…"));
        var file = Path.Combine(folder.Path, "CustomersV3.csv");
        var writing = Stopwatch.StartNew();
        await CustomerFile.WriteAsync(file, settings.Customers, companies, cancellationToken);
        writing.Stop();

        console.MarkupLine(Markup.Escape($"Putting the companies and the dependency maps' rows ({string.Join(", ", Dependencies)}) in Dataverse…"));
        await runtime.EnsureCompaniesAsync(cancellationToken);
        foreach (var dependency in Dependencies)
        {
            var synced = await runtime.SyncAsync(dependency, cancellationToken);
            if (synced.Failed > 0)
            {
                throw new InvalidOperationException($"{dependency}: {synced.Failed} rows failed, so the accounts would miss their lookups; first: {InitialSyncBenchmark.Describe(synced)}");
            }
        }

        var map = OutOfBoxSolution.Load().FindMap(InitialSyncBenchmark.AccountsMap)!;
        var mapper = new RowMapper(map, finOps.Schema, dataverse.Schema, new MapperOptions { Companies = companies });
        var bootstrap = new FileBootstrap(runtime.Dataverse, runtime.Writer, mapper, companies);
        var options = new FileBootstrapOptions(file) { RowsPerBatch = settings.RowsPerBatch };

        console.MarkupLine(Markup.Escape($"Loading {new FileInfo(file).Length / (1024.0 * 1024):N1} MB into the empty Dataverse through {InitialSyncBenchmark.AccountsMap}…"));
        var requestsBefore = RequestCounts.Of(dataverse.Transport.Statistics);
        using var meter = PhaseMeter.Start();
        var result = await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask("rows", maxValue: new FileInfo(file).Length);
            return await bootstrap.RunAsync(options, new Progress<FileBootstrapProgress>(p => task.Value = p.BytesRead), cancellationToken);
        });
        var cost = meter.Stop();
        var requests = RequestCounts.Of(dataverse.Transport.Statistics) - requestsBefore;

        console.MarkupLine(Markup.Escape($"Inserting the same {result.Counts.Created:N0} accounts straight into a fresh Dataverse store…"));
        var baseline = await StorageBaseline.RunAsync(dataverse.Store, dataverse.Administrator, "account", settings.BatchSize, cancellationToken);

        return new BootstrapFigures
        {
            Settings = settings,
            Companies = companies,
            FileBytes = new FileInfo(file).Length,
            Writing = writing.Elapsed,
            Result = result,
            Phase = new PhaseFigures(result.Counts.Created, cost, baseline),
            DataverseRequests = requests,
            FirstErrors = File.ReadLines(result.ErrorFile).Skip(1).Take(ErrorsShown).ToArray(),
        };
    }
}
