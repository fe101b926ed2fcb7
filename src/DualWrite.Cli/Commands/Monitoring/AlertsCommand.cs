using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Output;
using DualWrite.Cli.Remote.Shapes;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Monitoring;

/// <summary>
/// <c>dualwrite alerts list|add|remove</c>: rules that notify, and may pause or stop a map, when enough of its errors
/// come within a window, so that users' changes queue instead of failing one after another.
/// </summary>
internal static class AlertsCommand
{
    public static Command Create(Terminal terminal) => new("alerts", "List, add and remove alert rules: enough errors on a map within a window notify, and may pause or stop it.")
    {
        List(terminal),
        Add(terminal),
        Remove(terminal),
    };

    private static Command List(Terminal terminal)
    {
        var map = new Option<string>("--map") { Description = "Only this map's rules." };
        return RemoteCommand.Create("list", "List the alert rules.", terminal, async call =>
        {
            var rules = await call.Client.GetAlertsAsync(call.Value(map), call.CancellationToken);
            if (call.Json)
            {
                call.WriteJson(rules.Json);
            }
            else if (rules.Value.Count == 0)
            {
                call.Console.MarkupLine("No alert rules; `dualwrite alerts add` adds one.");
            }
            else
            {
                call.Console.Write(AlertTable.Of(rules.Value));
            }

            return ExitCode.Success;
        }, map);
    }

    private static Command Add(Terminal terminal)
    {
        var map = new Option<string>("--map") { Description = "The map to watch.", Required = true };
        var errors = new Option<int>("--errors") { Description = "How many errors within the window set the rule off (1 or more).", Required = true };
        errors.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--errors takes a number of 1 or more.");
            }
        });
        var window = WindowOption();
        var type = ErrorTypeOption.Create("Count only errors of these types: application, system, concurrency (may repeat); every type by default.");
        var action = new Option<string>("--action") { Description = "What else to do besides notifying: notify (nothing else), pause or stop the map.", DefaultValueFactory = _ => "notify" };
        action.AcceptOnlyFromAmong("notify", "pause", "stop");
        var webhook = UriOption.Create("--webhook", "An http or https address to post a JSON notice to when the rule sets off.");
        return RemoteCommand.Create("add", "Add an alert rule (needs an administrator's token).", terminal, async call =>
        {
            var body = new AlertBody(
                call.Value(map)!,
                call.Value(errors),
                ErrorTypeOption.ApiNames(call.Value(type)),
                call.Value(window).TotalSeconds,
                call.Value(action) switch
                {
                    "pause" => "Pause",
                    "stop" => "Stop",
                    _ => "Notify",
                },
                call.Value(webhook)?.AbsoluteUri);
            var added = await call.Client.AddAlertAsync(body, call.CancellationToken);
            if (call.Json)
            {
                call.WriteJson(added.Json);
            }
            else
            {
                call.Console.MarkupLineInterpolated($"[green]Added alert rule {added.Value.Id}[/] on {added.Value.Map}.");
                call.Console.Write(AlertTable.Of([added.Value]));
            }

            return ExitCode.Success;
        }, map, errors, window, type, action, webhook);
    }

    private static Command Remove(Terminal terminal)
    {
        var id = new Argument<long>("ID") { Description = "The rule's id, as `dualwrite alerts list` shows it." };
        return RemoteCommand.Create("remove", "Remove an alert rule (needs an administrator's token).", terminal, async call =>
        {
            await call.Client.RemoveAlertAsync(call.Value(id), call.CancellationToken);

            // The runtime answers with no body: with --json there is nothing to print, and the exit code says it is done.
            if (!call.Json)
            {
                call.Console.MarkupLineInterpolated($"Removed alert rule {call.Value(id)}.");
            }

            return ExitCode.Success;
        }, id);
    }

    /// <summary>The longest window the runtime takes.</summary>
    private static readonly TimeSpan LongestWindow = TimeSpan.FromDays(366);

    /// <summary><c>--window</c> as a span with its unit, since a bare number leaves open whether it counts seconds or minutes.</summary>
    private static Option<TimeSpan> WindowOption() => new("--window")
    {
        Description = "Within how long the errors must come: a span such as 90s, 10m, 1h or 1d.",
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
            if (Duration.TryParse(text, out var span) && span > TimeSpan.Zero && span <= LongestWindow)
            {
                return span;
            }

            result.AddError($"--window takes a span longer than 0 and at most a year (366d) with its unit, such as 90s, 10m, 1h or 1d, not '{text}'.");
            return default;
        },
    };
}
