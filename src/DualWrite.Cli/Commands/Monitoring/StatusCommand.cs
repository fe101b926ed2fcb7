using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Output;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Monitoring;

/// <summary><c>dualwrite status</c>: every active map, its state, what waits in its queue and its last error.</summary>
internal static class StatusCommand
{
    public static Command Create(Terminal terminal) => RemoteCommand.Create("status", "Show every map's state, queue and last error.", terminal, async call =>
    {
        var maps = await call.Client.GetMapsAsync(call.CancellationToken);
        if (call.Json)
        {
            call.WriteJson(maps.Json);
            return ExitCode.Success;
        }

        var table = new Table().AddColumn("Map").AddColumn("F&O entity").AddColumn("Dataverse table").AddColumn("State").AddColumn(new TableColumn("Queue").RightAligned()).AddColumn("Last error");
        foreach (var map in maps.Value)
        {
            table.AddRow(
                Cell.Text(map.Name),
                Cell.Text(map.FinOpsEntity),
                Cell.Text(map.DataverseTable),
                Cell.State(map.State),
                Cell.Count(map.Queue?.Count ?? 0),
                map.LastError is { } error ? Cell.Text($"{Cell.Plain(error.At)} {error.Message}") : Cell.Text(null));
        }

        call.Console.Write(table);
        return ExitCode.Success;
    });
}
