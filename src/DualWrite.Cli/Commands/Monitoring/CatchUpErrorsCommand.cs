using System.CommandLine;
using System.Globalization;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Output;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Monitoring;

/// <summary><c>dualwrite catch-up-errors MAP</c>: the changes a catch-up could not replay, and retrying or dismissing them.</summary>
internal static class CatchUpErrorsCommand
{
    public static Command Create(Terminal terminal)
    {
        var map = new Argument<string>("MAP") { Description = "The map whose catch-up errors to list, retry or dismiss." };
        var retry = new Option<bool>("--retry") { Description = "Put them back in the queue in their places, to be replayed at once." };
        var dismiss = new Option<bool>("--dismiss") { Description = "Drop them." };
        var sequences = new Option<long[]>("--sequence") { Description = "Only these (may repeat); every one of the map's by default.", AllowMultipleArgumentsPerToken = true };
        var limit = LimitOption.Create("catch-up errors");
        var command = RemoteCommand.Create("catch-up-errors", "List a map's catch-up errors, or retry or dismiss them.", terminal, call =>
        {
            var name = call.Value(map);
            var chosen = call.Value(sequences) is { Length: > 0 } some ? some : null;
            return call.Value(retry) ? SettleAsync(call, name, "retry", chosen)
                : call.Value(dismiss) ? SettleAsync(call, name, "dismiss", chosen)
                : ListAsync(call, name, call.Value(limit));
        }, map, retry, dismiss, sequences, limit);
        command.Validators.Add(result =>
        {
            if (result.GetValue(retry) && result.GetValue(dismiss))
            {
                result.AddError("Choose --retry or --dismiss, not both.");
            }

            if (result.GetValue(sequences) is { Length: > 0 } && !result.GetValue(retry) && !result.GetValue(dismiss))
            {
                result.AddError("--sequence chooses errors to --retry or --dismiss.");
            }
        });
        return command;
    }

    private static async Task<int> ListAsync(RemoteCall call, string map, int limit)
    {
        var errors = await call.Client.GetCatchUpErrorsAsync(map, limit, call.CancellationToken);
        if (call.Json)
        {
            call.WriteJson(errors.Json);
            return ExitCode.Success;
        }

        var table = new Table().AddColumn(new TableColumn("Sequence").RightAligned()).AddColumn("Key").AddColumn("Operation").AddColumn("Transaction").AddColumn("Failed").AddColumn("Message");
        foreach (var error in errors.Value.Items)
        {
            table.AddRow(Cell.Text(error.Sequence.ToString(CultureInfo.InvariantCulture)), Cell.Text(error.Key), Cell.Text(error.Operation), Cell.Text(error.Transaction), Cell.Time(error.FailedAt), Cell.Text(error.Message));
        }

        call.Console.Write(table);
        call.Console.MarkupLineInterpolated($"{errors.Value.Items.Count} of {errors.Value.Total} catch-up error(s).");
        return ExitCode.Success;
    }

    private static async Task<int> SettleAsync(RemoteCall call, string map, string action, IReadOnlyList<long>? sequences)
    {
        var settled = await call.Client.SettleCatchUpErrorsAsync(map, action, sequences, call.CancellationToken);
        if (call.Json)
        {
            call.WriteJson(settled.Json);
        }
        else
        {
            call.Console.MarkupLineInterpolated($"{settled.Value.Count} catch-up error(s) {(action == "retry" ? "put back in the queue" : "dismissed")}.");
        }

        return ExitCode.Success;
    }
}
