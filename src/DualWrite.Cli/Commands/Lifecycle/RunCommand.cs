using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Remote.Shapes;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Lifecycle;

/// <summary><c>dualwrite run MAP...</c>: runs maps with the maps they need, dependencies first, as the runtime proposes.</summary>
internal static class RunCommand
{
    private static readonly Dictionary<string, string> Masters = new(StringComparer.Ordinal) { ["dataverse"] = "Dataverse", ["finops"] = "FinOps" };

    private static readonly Dictionary<string, string> Reruns = new(StringComparer.Ordinal) { ["everything"] = "Everything", ["without-errors"] = "WithoutErrors" };

    public static Command Create(Terminal terminal)
    {
        var maps = MapActionCommands.MapsArgument();
        var noRelated = new Option<bool>("--no-related") { Description = "Run only the maps named, not the maps they depend on." };
        var skipInitialSync = new Option<bool>("--skip-initial-sync") { Description = "Go straight to Running without copying what exists." };
        var master = new Option<string>("--master") { Description = "The side whose values win when a row differs: dataverse (the runtime's proposal by default) or finops." };
        master.AcceptOnlyFromAmong([.. Masters.Keys]);
        var rerun = new Option<string>("--rerun")
        {
            Description = "everything retries every row, failures included; without-errors adds new rows only.",
            DefaultValueFactory = _ => "everything",
        };
        rerun.AcceptOnlyFromAmong([.. Reruns.Keys]);
        var wait = MapActionCommands.WaitOption("Follow the initial sync until every map runs live; exit 1 if one stops.");
        return RemoteCommand.Create("run", "Run maps: initial sync, then live sync.", terminal, async call =>
        {
            var requested = call.Value(maps);
            var plan = call.Value(noRelated)
                ? new RunBody([.. requested.Select(m => new RunItem(m, InitialSync: true))], "Dataverse", "Everything")
                : await ProposalAsync(call, requested);
            var body = plan with
            {
                Maps = call.Value(skipInitialSync) ? [.. plan.Maps.Select(m => m with { InitialSync = false })] : plan.Maps,
                Master = call.Value(master) is { } chosen ? Masters[chosen] : plan.Master,
                Rerun = Reruns[call.Value(rerun)!],
            };
            if (!call.Json)
            {
                call.Console.MarkupLineInterpolated($"Running, in this order, with {body.Master} as master: {string.Join(", ", body.Maps.Select(m => m.InitialSync ? m.Map : m.Map + " (no initial sync)"))}");
            }

            return await MapActionCommands.AnswerAsync(call, call.Client.RunAsync(body, call.CancellationToken), call.Value(wait) ? [.. body.Maps.Select(m => m.Map)] : null);
        }, maps, noRelated, skipInitialSync, master, rerun, wait);
    }

    /// <summary>
    /// The runtime's proposal for every map named, merged in order: a map named is always run (so that the runtime
    /// says why when it cannot be), a related map only when it is not running yet.
    /// </summary>
    private static async Task<RunBody> ProposalAsync(RemoteCall call, IReadOnlyList<string> requested)
    {
        var named = requested.ToHashSet(StringComparer.Ordinal);
        var items = new List<RunItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? master = null;
        foreach (var map in requested)
        {
            var related = (await call.Client.GetRelatedAsync(map, call.CancellationToken)).Value;
            master ??= related.Master;
            foreach (var proposed in related.Maps.Where(p => named.Contains(p.Map) || p.State == "NotRunning"))
            {
                if (seen.Add(proposed.Map))
                {
                    items.Add(new RunItem(proposed.Map, proposed.InitialSync));
                }
            }

            if (seen.Add(map))
            {
                items.Add(new RunItem(map, InitialSync: true));
            }
        }

        return new RunBody(items, master ?? "Dataverse", "Everything");
    }
}
