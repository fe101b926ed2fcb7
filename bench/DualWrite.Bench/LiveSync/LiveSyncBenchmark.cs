using System.Diagnostics;
using System.Globalization;
using DualWrite.Bench.Hosting;
using DualWrite.Connectors;
using DualWrite.Connectors.Auth;
using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Connectors.Http;
using DualWrite.Core.Rows;
using DualWrite.Environments.Hosting;
using DualWrite.Runtime;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Queue;
using DualWrite.Server.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace DualWrite.Bench.LiveSync;

/// <summary>
/// Both environments and the runtime server in this process on loopback, linked for usmf, with Customer groups
/// running. First the latency of single-row updates of customer groups on F&amp;O, made as a user, with the map
/// stopped (the hook still answers, with nothing to do) and then running (each update written to Dataverse inside
/// it). Then the map is paused, changes are queued, and the catch-up is timed from Resume until the map runs,
/// against the rate at which Dataverse takes the same updates written to it directly in change sets of the same size.
/// </summary>
internal static class LiveSyncBenchmark
{
    private const string Groups = "Customer groups";
    private const string Company = "usmf";

    public static async Task<int> RunAsync(LiveSyncSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        using var finOpsFolder = TempFolder.Create("finops");
        using var dataverseFolder = TempFolder.Create("dataverse");
        using var runtimeFolder = TempFolder.Create("runtime");
        await using var finOps = await EnvironmentHost.StartAsync(new EnvironmentOptions { Kind = EnvironmentKind.FinOps, DataDirectory = finOpsFolder.Path, Demo = true }, cancellationToken);
        await using var dataverse = await EnvironmentHost.StartAsync(new EnvironmentOptions { Kind = EnvironmentKind.Dataverse, DataDirectory = dataverseFolder.Path }, cancellationToken);
        await using var server = await RuntimeServer.StartAsync(
            new ServerOptions
            {
                Url = "http://127.0.0.1:0",
                Runtime = new RuntimeOptions
                {
                    StorePath = Path.Combine(runtimeFolder.Path, "runtime.db"),
                    PollInterval = TimeSpan.FromMilliseconds(100),
                    Writer = new Runtime.Writing.ChangeWriterOptions(settings.Batch),
                },
            },
            cancellationToken);
        var runtime = server.Runtime;
        using var http = new HttpClient();
        var user = new FinOpsClient(Transport(http, finOps, "app"), EnvironmentSchemas.Load(EnvironmentKind.FinOps));
        var direct = new DataverseClient(Transport(http, dataverse, "dualwrite"), EnvironmentSchemas.Load(EnvironmentKind.Dataverse));

        console.MarkupLine("Linking usmf and running Legal entities, Terms of payment and Customer groups…");
        await runtime.Connection.LinkAsync(new LinkRequest(Address(finOps, "dualwrite"), Address(dataverse, "dualwrite"), server.BaseAddress) { Companies = [Company] }, "bench", cancellationToken);
        await runtime.StartAsync(new RunRequest([new RunItem("Legal entities", false), new RunItem("Terms of payment"), new RunItem(Groups)]), "bench", cancellationToken);
        await WaitForAsync(runtime, MapState.Running, cancellationToken);
        var rows = Math.Max(1, Math.Min(settings.PerTransaction, settings.Queued));
        await Check(user.WriteAsync(Enumerable.Range(0, rows).Select(i => FinOpsWrite.Create("CustomerGroups", new Row { ["dataAreaId"] = Company, ["CustomerGroupId"] = Id(i), ["Description"] = "start" })).ToArray(), atomic: true, cancellationToken));

        // The first writes of each kind pay for compiling the code they run: they warm up and are not counted.
        await TimeUpdatesAsync(user, rows, Math.Min(200, settings.Writes), "warm", cancellationToken);
        await runtime.Lifecycle.ApplyAsync([Groups], MapAction.Stop, "bench", cancellationToken);
        console.MarkupLine($"Timing {settings.Writes:N0} updates with the map stopped, then running…");
        var stopped = await TimeUpdatesAsync(user, rows, settings.Writes, "stopped", cancellationToken);
        await runtime.StartAsync(new RunRequest([new RunItem(Groups, InitialSync: false)]), "bench", cancellationToken);
        var running = await TimeUpdatesAsync(user, rows, settings.Writes, "running", cancellationToken);

        console.MarkupLine($"Queueing {settings.Queued:N0} changes on the paused map, in F&O transactions of {rows:N0} rows…");
        await runtime.Lifecycle.ApplyAsync([Groups], MapAction.Pause, "bench", cancellationToken);
        for (var sent = 0; sent < settings.Queued; sent += rows)
        {
            var count = Math.Min(rows, settings.Queued - sent);
            await Check(user.WriteAsync(Enumerable.Range(0, count).Select(i => Update(i, $"queued {sent + i}")).ToArray(), atomic: true, cancellationToken));
        }

        var clock = Stopwatch.StartNew();
        await runtime.ResumeAsync([Groups], ResumeMode.CatchUp, "bench", cancellationToken);
        await WaitForAsync(runtime, MapState.Running, cancellationToken);
        var catchUp = clock.Elapsed;
        var left = (await runtime.Store.GetCatchUpErrorsAsync(Groups, 0, 1, cancellationToken)).Count;

        console.MarkupLine("Writing the same updates straight to Dataverse, for the baseline…");
        var usmf = await direct.CompanyIdAsync(Company, cancellationToken);
        clock.Restart();
        for (var sent = 0; sent < settings.Queued; sent += settings.Batch)
        {
            var count = Math.Min(settings.Batch, settings.Queued - sent);
            var writes = Enumerable.Range(sent, count).Select(n => new DataverseWrite(
                "msdyn_customergroup", DataverseOperation.Update, DataverseKey.ByAlternateKey(("msdyn_groupid", Id(n % rows)), ("msdyn_company", usmf)), new Row { ["msdyn_description"] = $"direct {n}" })).ToArray();
            var failed = (await direct.WriteAsync(writes, atomic: true, cancellationToken)).FirstOrDefault(o => !o.Success);
            if (failed is not null)
            {
                throw new InvalidOperationException($"Dataverse refused the baseline's updates: {failed.Message}");
            }
        }

        var baseline = clock.Elapsed;
        Report(console, settings, new Latencies(stopped), new Latencies(running), catchUp, baseline, left);
        return left == 0 ? 0 : 1;
    }

    private static void Report(IAnsiConsole console, LiveSyncSettings settings, Latencies stopped, Latencies running, TimeSpan catchUp, TimeSpan baseline, int left)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        foreach (var p in (double[])[50, 95, 99])
        {
            var (s, r) = (stopped.Percentile(p), running.Percentile(p));
            table.AddRow($"update p{p:0} ms, map stopped / running", $"{Latencies.Milliseconds(s)} / {Latencies.Milliseconds(r)}");
            table.AddRow($"  added by coupling at p{p:0}, ms", $"{Latencies.Milliseconds(r - s)} ({r / s:N1}×)");
        }

        var rate = settings.Queued / catchUp.TotalSeconds;
        var direct = settings.Queued / baseline.TotalSeconds;
        table.AddRow("catch-up: changes replayed", settings.Queued.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("catch-up seconds", catchUp.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture));
        table.AddRow("catch-up changes/s", rate.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("baseline: direct Dataverse updates/s", direct.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("catch-up / baseline", (rate / direct).ToString("N2", CultureInfo.InvariantCulture));
        table.AddRow("catch-up errors", left == 0 ? "0" : "some (the first is in the store)");
        console.Write(table);
    }

    private static async Task<TimeSpan[]> TimeUpdatesAsync(FinOpsClient user, int rows, int count, string label, CancellationToken cancellationToken)
    {
        var samples = new TimeSpan[count];
        for (var n = 0; n < count; n++)
        {
            var clock = Stopwatch.StartNew();
            await Check(user.WriteAsync([Update(n % rows, $"{label} {n}")], atomic: true, cancellationToken));
            samples[n] = clock.Elapsed;
        }

        return samples;
    }

    private static FinOpsWrite Update(int row, string description) =>
        FinOpsWrite.Update("CustomerGroups", RowKey.Of(("dataAreaId", Company), ("CustomerGroupId", Id(row))), new Row { ["Description"] = description });

    private static string Id(int row) => "B" + row.ToString("D4", CultureInfo.InvariantCulture);

    private static async Task Check(Task<IReadOnlyList<WriteOutcome>> write)
    {
        if ((await write).FirstOrDefault(o => !o.Success) is { } failed)
        {
            throw new InvalidOperationException($"F&O refused the write: {failed.Message}");
        }
    }

    private static async Task WaitForAsync(DualWriteRuntime runtime, MapState state, CancellationToken cancellationToken)
    {
        while (await runtime.Store.GetStateAsync(Groups, cancellationToken) != state)
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    private static EnvironmentAddress Address(RunningEnvironment environment, string principal)
    {
        var p = environment.Credentials.Get(principal);
        return new EnvironmentAddress(environment.ServiceRoot, environment.TokenEndpoint, p.ClientId, p.ClientSecret, new Uri(environment.BaseAddress, ".default").ToString());
    }

    private static ODataTransport Transport(HttpClient http, RunningEnvironment environment, string principal)
    {
        var address = Address(environment, principal);
        return new ODataTransport(http, address, new ClientCredentialsTokenSource(http, address, TimeProvider.System), new RetryPolicy(), TimeProvider.System, NullLogger.Instance);
    }
}
