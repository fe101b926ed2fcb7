using System.CommandLine;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Server.Local;
using Spectre.Console;

namespace DualWrite.Cli.Commands;

/// <summary><c>dualwrite up</c>: both environments with demo data and the runtime, linked, on one machine.</summary>
internal static class UpCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var settings = new EnvironmentSettings();
        var finOpsPort = new Option<int>("--finops-port") { Description = "The Finance and Operations environment's port.", DefaultValueFactory = _ => 5101 };
        var dataversePort = new Option<int>("--dataverse-port") { Description = "The Dataverse environment's port.", DefaultValueFactory = _ => 5102 };
        var runtimePort = new Option<int>("--port") { Description = "The runtime's port: its admin UI, admin API and hooks.", DefaultValueFactory = _ => 5100 };
        var companies = new Option<string[]>("--company")
        {
            Description = "A legal entity a new link synchronises; repeat for more.",
            DefaultValueFactory = _ => ["usmf", "gbsi"],
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("up", "Run both environments with demo data and the runtime, linked, on loopback.") { finOpsPort, dataversePort, runtimePort, companies };
        settings.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new LocalDualWriteOptions
            {
                DataDirectory = settings.PrepareDataFolder(parse),
                FinOpsPort = parse.GetValue(finOpsPort),
                DataversePort = parse.GetValue(dataversePort),
                RuntimePort = parse.GetValue(runtimePort),
                Companies = parse.GetValue(companies)!,
                Faults = settings.Faults(parse),
                Verbose = parse.GetValue(settings.Verbose),
            };
            LocalDualWrite local;
            try
            {
                local = await console.Status().StartAsync("Starting both environments and the runtime…", _ => LocalDualWrite.StartAsync(options, cancellationToken));
            }
            catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                console.MarkupLineInterpolated($"[red]Cannot listen:[/] {e.Message.TrimEnd('.')}. Choose other ports (--port, --finops-port, --dataverse-port) or stop what uses them.");
                return 1;
            }
            catch (LinkException e)
            {
                console.MarkupLineInterpolated($"[red]The environments started but could not be linked:[/] {e.Message}");
                return 1;
            }

            await using (local)
            {
                EnvironmentRunner.Report([local.FinOps, local.Dataverse], console);
                await ReportAsync(local, options, console, cancellationToken);
                await UntilStopped.WaitAsync(console, cancellationToken);
            }

            return 0;
        });
        return command;
    }

    private static async Task ReportAsync(LocalDualWrite local, LocalDualWriteOptions options, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var link = local.Link;
        var states = await local.Runtime.Runtime.Store.GetStatesAsync(cancellationToken);
        var byState = link.ActiveMaps
            .GroupBy(m => states.GetValueOrDefault(m.Map, MapState.NotRunning))
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {Words(g.Key)}");
        console.MarkupLineInterpolated($"[bold green]DualWrite runtime[/] [link]{local.Runtime.BaseAddress}[/]");
        console.MarkupLineInterpolated($"  admin UI        [link]{local.Runtime.SignInAddress}[/]");
        console.MarkupLineInterpolated($"  credentials     {local.Runtime.CredentialsPath} (admin API tokens: administrator and reader)");
        console.MarkupLineInterpolated($"  store           {Path.Combine(options.DataDirectory, "runtime")}");
        console.MarkupLineInterpolated($"  {(local.LinkedNow ? "linked" : "link kept"),-15} {string.Join(", ", link.Companies)}");
        console.MarkupLineInterpolated($"  table maps      {link.ActiveMaps.Count}: {string.Join(", ", byState)}");
    }

    private static string Words(MapState state) => state switch
    {
        MapState.NotRunning => "not running",
        _ => state.ToString().ToLowerInvariant(),
    };
}
