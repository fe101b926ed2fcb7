using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Output;
using DualWrite.Cli.Remote;
using DualWrite.Cli.Remote.Shapes;

namespace DualWrite.Cli.Commands.Lifecycle;

/// <summary><c>dualwrite pause|resume|stop|skip-to-live MAP...</c>: moves maps through their states, several at once.</summary>
internal static class MapActionCommands
{
    private static readonly Dictionary<string, string> ResumeModes = new(StringComparer.Ordinal)
    {
        ["catch-up"] = "CatchUp",
        ["keep-as-catch-up-errors"] = "KeepAsCatchUpErrors",
        ["discard"] = "Discard",
    };

    public static Command Pause(Terminal terminal)
    {
        var maps = MapsArgument();
        return RemoteCommand.Create("pause", "Pause maps: their changes wait in the queue, and users' transactions succeed.", terminal, call =>
            AnswerAsync(call, call.Client.PauseAsync(call.Value(maps), call.CancellationToken), wait: null), maps);
    }

    public static Command Stop(Terminal terminal)
    {
        var maps = MapsArgument();
        return RemoteCommand.Create("stop", "Stop maps (Not running); their changes are no longer synced or queued.", terminal, call =>
            AnswerAsync(call, call.Client.StopAsync(call.Value(maps), call.CancellationToken), wait: null), maps);
    }

    public static Command Resume(Terminal terminal)
    {
        var maps = MapsArgument();
        var mode = new Option<string>("--mode")
        {
            Description = "catch-up replays the queue; keep-as-catch-up-errors and discard skip it, keeping it as catch-up errors or dropping it.",
            DefaultValueFactory = _ => "catch-up",
        };
        mode.AcceptOnlyFromAmong([.. ResumeModes.Keys]);
        var wait = WaitOption("Follow the catch-up until the maps run live; exit 1 if one stops.");
        return RemoteCommand.Create("resume", "Resume paused maps.", terminal, call =>
            AnswerAsync(
                call,
                call.Client.ResumeAsync(new ResumeBody(call.Value(maps), ResumeModes[call.Value(mode)!]), call.CancellationToken),
                call.Value(wait) ? call.Value(maps) : null),
            maps, mode, wait);
    }

    public static Command SkipToLive(Terminal terminal)
    {
        var maps = MapsArgument();
        var discard = new Option<bool>("--discard") { Description = "Drop what is left in the queue instead of keeping it as catch-up errors." };
        return RemoteCommand.Create("skip-to-live", "Stop catching up and run live at once.", terminal, call =>
            AnswerAsync(call, call.Client.SkipToLiveAsync(new SkipToLiveBody(call.Value(maps), !call.Value(discard)), call.CancellationToken), wait: null),
            maps, discard);
    }

    public static Argument<string[]> MapsArgument() => new("MAP")
    {
        Description = "Map names, such as \"Customers V3 (accounts)\".",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<bool> WaitOption(string description) => new("--wait") { Description = description };

    /// <summary>Prints the maps' states after an action and, when asked, follows them until they run live.</summary>
    /// <param name="wait">The maps to follow, or null to return at once.</param>
    public static async Task<int> AnswerAsync(RemoteCall call, Task<ApiReply<ActionAnswer>> action, IReadOnlyList<string>? wait)
    {
        var answer = await action;
        if (wait is null)
        {
            if (call.Json)
            {
                call.WriteJson(answer.Json);
            }
            else
            {
                call.Console.Write(MapStateTable.Of(answer.Value.Maps));
            }

            return ExitCode.Success;
        }

        if (!call.Json)
        {
            call.Console.Write(MapStateTable.Of(answer.Value.Maps));
        }

        var outcome = await RunningWait.FollowAsync(call, wait);
        if (call.Json)
        {
            call.WriteJson(new ActionAnswer(outcome.States));
        }

        return outcome.AllRunning ? ExitCode.Success : ExitCode.Failed;
    }
}
