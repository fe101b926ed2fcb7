using System.Globalization;
using System.Net;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Remote;
using DualWrite.Cli.Remote.Shapes;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Lifecycle;

/// <summary>
/// Follows maps through their initial sync or catch-up, asking the runtime again and again, until every one runs
/// live or one of them stops or is paused (an alert, a failed run), which ends the wait as a failure.
/// </summary>
internal static class RunningWait
{
    private const string Running = "Running";

    public static async Task<WaitOutcome> FollowAsync(RemoteCall call, IReadOnlyList<string> maps)
    {
        var names = maps.Distinct(StringComparer.Ordinal).ToList();
        WaitOutcome outcome;
        if (call.Json)
        {
            outcome = await PollAsync(call, names, _ => { });
        }
        else
        {
            outcome = await call.Console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var tasks = names.ToDictionary(name => name, name => context.AddTask(Markup.Escape(name), maxValue: 1), StringComparer.Ordinal);
                    return await PollAsync(call, names, looks => Show(tasks, looks));
                });
            await ReportAsync(call, outcome);
        }

        return outcome;
    }

    private static async Task<WaitOutcome> PollAsync(RemoteCall call, IReadOnlyList<string> names, Action<IReadOnlyList<MapProgress>> show)
    {
        while (true)
        {
            var maps = (await call.Client.GetMapsAsync(call.CancellationToken)).Value.ToDictionary(m => m.Name, StringComparer.Ordinal);
            var looks = new List<MapProgress>();
            foreach (var name in names)
            {
                looks.Add(await LookAsync(call, name, maps.GetValueOrDefault(name)));
            }

            show(looks);
            var states = looks.Select(l => new MapStateEntry(l.Map, l.State)).ToList();
            if (looks.All(l => l.State == Running))
            {
                return new WaitOutcome(states, AllRunning: true);
            }

            if (looks.Any(l => l.State is "NotRunning" or "Paused" or Missing))
            {
                return new WaitOutcome(states, AllRunning: false);
            }

            await Task.Delay(call.Terminal.PollInterval, call.Terminal.Time, call.CancellationToken);
        }
    }

    private const string Missing = "(no such active map)";

    private static async Task<MapProgress> LookAsync(RemoteCall call, string name, MapSummary? map)
    {
        if (map is null)
        {
            return new MapProgress(name, Missing, 0, null, 0);
        }

        if (map.State != "Initializing")
        {
            return new MapProgress(name, map.State, 0, null, map.Queue?.Count ?? 0);
        }

        try
        {
            var run = (await call.Client.GetInitialSyncAsync(name, call.CancellationToken)).Value;
            return new MapProgress(name, map.State, run.Totals.ToDataverse.Read + run.Totals.ToFinOps.Read, run.RowsPerSecond, map.Queue?.Count ?? 0);
        }
        catch (AdminApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            // The map waits for the maps before it in the run's order; its own run has not opened yet.
            return new MapProgress(name, map.State, 0, null, map.Queue?.Count ?? 0);
        }
    }

    private static void Show(Dictionary<string, ProgressTask> tasks, IReadOnlyList<MapProgress> looks)
    {
        foreach (var look in looks)
        {
            var task = tasks[look.Map];
            var name = Markup.Escape(look.Map);
            switch (look.State)
            {
                case "Initializing":
                    task.IsIndeterminate = true;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{name}  initial sync  {look.Rows:N0} rows  {look.RowsPerSecond ?? 0:N0} rows/s");
                    break;
                case "Resuming":
                    // The queue only shrinks while catching up (new changes queue behind it), so its largest size seen is the whole.
                    task.IsIndeterminate = false;
                    task.MaxValue = Math.Max(task.MaxValue, look.Queued);
                    task.Value = task.MaxValue - look.Queued;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{name}  catching up  {look.Queued:N0} changes left");
                    break;
                case Running:
                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                    task.Description = $"{name}  [green]Running[/]";
                    task.StopTask();
                    break;
                default:
                    task.IsIndeterminate = false;
                    task.Description = $"{name}  [red]{Markup.Escape(look.State)}[/]";
                    task.StopTask();
                    break;
            }
        }
    }

    /// <summary>Says why each map that did not reach Running stopped, from the newest entry of its activity log.</summary>
    private static async Task ReportAsync(RemoteCall call, WaitOutcome outcome)
    {
        foreach (var map in outcome.States.Where(s => s.State != Running))
        {
            var why = map.State == Missing
                ? null
                : (await call.Client.GetActivityAsync(map.Name, 1, call.CancellationToken)).Value is [var newest, ..] ? newest : null;
            call.Console.MarkupLineInterpolated($"[red]{map.Name} is {map.State}[/]{(why is null ? string.Empty : $": {why.Action} {why.Detail}")}");
        }
    }
}
