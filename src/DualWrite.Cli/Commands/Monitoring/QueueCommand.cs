using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Output;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Monitoring;

/// <summary><c>dualwrite queue [MAP]</c>: what waits in the lanes, or one map's queued changes in order.</summary>
internal static class QueueCommand
{
    public static Command Create(Terminal terminal)
    {
        var map = new Argument<string?>("MAP") { Description = "A map whose queued changes to list, in order.", Arity = ArgumentArity.ZeroOrOne };
        var key = new Option<string>("--key") { Description = "Only the changes of this integration key (with MAP)." };
        var limit = LimitOption.Create("changes");
        var command = RemoteCommand.Create("queue", "Show what waits in the queue, per map or for one map.", terminal, call =>
            call.Value(map) is { } name ? MapQueueAsync(call, name, call.Value(key), call.Value(limit)) : LanesAsync(call), map, key, limit);
        command.Validators.Add(result =>
        {
            if (result.GetValue(key) is not null && result.GetValue(map) is null)
            {
                result.AddError("--key narrows one map's queue; name the map too.");
            }
        });
        return command;
    }

    private static async Task<int> LanesAsync(RemoteCall call)
    {
        var queue = await call.Client.GetQueueAsync(call.CancellationToken);
        if (call.Json)
        {
            call.WriteJson(queue.Json);
            return ExitCode.Success;
        }

        var table = new Table().AddColumn("Map").AddColumn(new TableColumn("Changes").RightAligned()).AddColumn("Oldest").AddColumn(new TableColumn("Bytes").RightAligned());
        foreach (var lane in queue.Value.Maps)
        {
            table.AddRow(Cell.Text(lane.Map), Cell.Count(lane.Count), Cell.Time(lane.Oldest), Cell.Count(lane.Bytes));
        }

        call.Console.Write(table);
        call.Console.MarkupLineInterpolated($"{queue.Value.Bound.UsedBytes:N0} of {queue.Value.Bound.LimitBytes:N0} bytes used.");
        return ExitCode.Success;
    }

    private static async Task<int> MapQueueAsync(RemoteCall call, string map, string? key, int limit)
    {
        var changes = await call.Client.GetMapQueueAsync(map, key, limit, call.CancellationToken);
        if (call.Json)
        {
            call.WriteJson(changes.Json);
            return ExitCode.Success;
        }

        var table = new Table().AddColumn(new TableColumn("Sequence").RightAligned()).AddColumn("Key").AddColumn("Operation").AddColumn("Transaction").AddColumn("Queued").AddColumn("Source");
        foreach (var change in changes.Value.Items)
        {
            table.AddRow(Cell.Text(change.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cell.Text(change.Key), Cell.Text(change.Operation), Cell.Text(change.Transaction), Cell.Time(change.QueuedAt), Cell.Text(change.Source));
        }

        call.Console.Write(table);
        call.Console.MarkupLineInterpolated($"{changes.Value.Items.Count} of {changes.Value.Total} queued change(s).");
        return ExitCode.Success;
    }
}
