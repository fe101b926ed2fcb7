using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Output;
using DualWrite.Cli.Remote;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Monitoring;

/// <summary><c>dualwrite errors</c>: the live sync error log, newest first, searched by map, key, type and time.</summary>
internal static class ErrorsCommand
{
    public static Command Create(Terminal terminal)
    {
        var map = new Option<string>("--map") { Description = "Only this map's errors." };
        var key = new Option<string>("--key") { Description = "Only errors of this integration key." };
        var type = ErrorTypeOption.Create("Only errors of these types: application, system, concurrency (may repeat).");
        var since = new Option<string>("--since") { Description = "Only errors since a time (2025-06-01T08:00:00+02:00) or for a span back from now (90s, 30m, 2h, 7d)." };
        since.Validators.Add(result =>
        {
            if (!Since.TryParse(result.GetValueOrDefault<string>(), TimeProvider.System, out _))
            {
                result.AddError("--since takes a time such as 2025-06-01T08:00:00Z or a span such as 30m, 2h or 7d.");
            }
        });
        var limit = LimitOption.Create("entries");
        return RemoteCommand.Create("errors", "Search the live sync error log, newest first.", terminal, async call =>
        {
            Since.TryParse(call.Value(since), call.Terminal.Time, out var from);
            var filter = new ErrorFilter(call.Value(map), call.Value(key), ErrorTypeOption.ApiNames(call.Value(type)), from, call.Value(limit));
            var errors = await call.Client.GetErrorsAsync(filter, call.CancellationToken);
            if (call.Json)
            {
                call.WriteJson(errors.Json);
                return ExitCode.Success;
            }

            var table = new Table().AddColumn("At").AddColumn("Map").AddColumn("Direction").AddColumn("Key").AddColumn("Type").AddColumn("Message");
            foreach (var error in errors.Value.Items)
            {
                table.AddRow(Cell.Time(error.At), Cell.Text(error.Map), Cell.Text(error.Direction), Cell.Text(error.Key), Cell.Text(error.Type), Cell.Text(error.Message));
            }

            call.Console.Write(table);
            call.Console.MarkupLineInterpolated($"{errors.Value.Items.Count} of {errors.Value.Total} error(s).");
            return ExitCode.Success;
        }, map, key, type, since, limit);
    }
}
