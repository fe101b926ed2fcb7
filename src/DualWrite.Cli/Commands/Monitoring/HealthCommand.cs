using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Output;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Monitoring;

/// <summary><c>dualwrite health</c>: the health check of the connection and of every map; exit 1 on any finding.</summary>
internal static class HealthCommand
{
    public static Command Create(Terminal terminal) => RemoteCommand.Create("health", "Check the connection and every map; exit 1 on any finding.", terminal, async call =>
    {
        var health = await call.Client.GetHealthAsync(call.CancellationToken);
        if (call.Json)
        {
            call.WriteJson(health.Json);
        }
        else if (health.Value.Findings.Count == 0)
        {
            call.Console.MarkupLine("[green]Healthy: no findings.[/]");
        }
        else
        {
            call.Console.Write(FindingTable.Of(health.Value.Findings));
            call.Console.MarkupLineInterpolated($"[red]{health.Value.Findings.Count} finding(s).[/]");
        }

        return health.Value.Healthy && health.Value.Findings.Count == 0 ? ExitCode.Success : ExitCode.Failed;
    });
}
