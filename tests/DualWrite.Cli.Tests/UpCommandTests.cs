using System.Globalization;
using System.Net;
using DualWrite.Environments.Hosting;
using DualWrite.Runtime;
using Spectre.Console;

namespace DualWrite.Cli.Tests;

public sealed class UpCommandTests
{
    [Fact]
    public async Task Up_runs_both_environments_with_demo_data_and_the_runtime_linked_for_usmf_and_gbsi_and_a_second_up_keeps_all_of_it()
    {
        var data = Path.Combine(Path.GetTempPath(), "dualwrite-cli-tests", Guid.NewGuid().ToString("N"));
        var (finOps, dataverse, runtime) = (Ports.Free(), Ports.Free(), Ports.Free());
        try
        {
            var first = await UpAsync(data, finOps, dataverse, runtime);
            Assert.Contains($"admin UI        http://127.0.0.1:{runtime}/#token=", first, StringComparison.Ordinal);
            Assert.Contains($"credentials     {Path.Combine(data, "runtime", "credentials.json")}", first, StringComparison.Ordinal);
            Assert.Contains("linked          usmf, gbsi", first, StringComparison.Ordinal);
            Assert.Contains("finops: demo data added", first, StringComparison.Ordinal);
            Assert.Contains("dataverse: demo data added", first, StringComparison.Ordinal);

            var second = await UpAsync(data, finOps, dataverse, runtime);
            Assert.Contains("link kept       usmf, gbsi", second, StringComparison.Ordinal);
            Assert.Contains("finops: demo data already present", second, StringComparison.Ordinal);

            // The link lives in the runtime's store in the data folder, pointing at the environments `up` started.
            await using var stored = await DualWriteRuntime.OpenAsync(
                new RuntimeOptions { StorePath = Path.Combine(data, "runtime", "runtime.db") },
                EnvironmentSchemas.Load(EnvironmentKind.FinOps),
                EnvironmentSchemas.Load(EnvironmentKind.Dataverse));
            var link = await stored.Connection.GetAsync(CancellationToken.None);
            Assert.Equal(["usmf", "gbsi"], link!.Companies);
            Assert.Equal(new Uri($"http://127.0.0.1:{finOps}/data/"), link.FinOps.ServiceRoot);
            Assert.Equal(new Uri($"http://127.0.0.1:{runtime}/"), link.HookBaseUrl);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Runs <c>dualwrite up</c> until the runtime answers, then stops it as Ctrl+C does; what it printed.</summary>
    private static async Task<string> UpAsync(string data, int finOps, int dataverse, int runtime)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Synchronized(output)), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
        console.Profile.Width = 200;
        using var stop = new CancellationTokenSource();
        var run = DualWriteCommand.Create(new Terminal(console, TimeProvider.System, TimeSpan.FromMilliseconds(500)))
            .Parse(["up", "--data", data, "--finops-port", Text(finOps), "--dataverse-port", Text(dataverse), "--port", Text(runtime)])
            .InvokeAsync(cancellationToken: stop.Token);

        // The hooks answer only once everything has started and the link is made; a call without a secret is refused.
        using var http = new HttpClient();
        Assert.True(await Testing.Eventually.HoldsAsync(
            async () =>
            {
                Assert.False(run.IsCompleted, $"up ended early: {output}");
                return output.ToString().Contains("Press Ctrl+C", StringComparison.Ordinal)
                    && (await http.PostAsync(new Uri($"http://127.0.0.1:{runtime}/hooks/finops"), new StringContent("{}"))).StatusCode == HttpStatusCode.Unauthorized;
            },
            TimeSpan.FromMinutes(2),
            TimeSpan.FromMilliseconds(200)));

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        return output.ToString();
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
