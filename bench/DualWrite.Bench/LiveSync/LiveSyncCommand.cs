using System.CommandLine;
using Spectre.Console;

namespace DualWrite.Bench.LiveSync;

/// <summary><c>live-sync</c>: what coupling adds to a user's write, and how fast a queue is caught up.</summary>
internal static class LiveSyncCommand
{
    public static Command Create()
    {
        var writes = new Option<int>("--writes") { Description = "Updates on F&O timed one by one, with the map stopped and then running.", DefaultValueFactory = _ => 2_000 };
        var queued = new Option<int>("--queued") { Description = "Changes queued while the map is paused, then replayed.", DefaultValueFactory = _ => 100_000 };
        var perTransaction = new Option<int>("--per-transaction") { Description = "Changes per F&O transaction while queueing (at most 1,000).", DefaultValueFactory = _ => 100 };
        var batch = new Option<int>("--batch") { Description = "Rows per change set the runtime writes, and per change set of the baseline.", DefaultValueFactory = _ => 500 };
        foreach (var option in (Option<int>[])[writes, queued, perTransaction, batch])
        {
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() < 1 || (option == perTransaction && r.GetValueOrDefault<int>() > 1_000))
                {
                    r.AddError($"{option.Name} must be from 1{(option == perTransaction ? " to 1,000" : string.Empty)}; got {r.GetValueOrDefault<int>()}.");
                }
            });
        }

        var command = new Command("live-sync", "Coupled writes: the latency an F&O update gains when its map runs (p50, p99, against the same update with the map stopped), and the catch-up rate of a paused map's queue against Dataverse's own rate for the same updates.")
        {
            writes, queued, perTransaction, batch,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new LiveSyncSettings(parse.GetValue(writes), parse.GetValue(queued), parse.GetValue(perTransaction), parse.GetValue(batch));
            return await LiveSyncBenchmark.RunAsync(settings, AnsiConsole.Console, cancellationToken);
        });
        return command;
    }
}
