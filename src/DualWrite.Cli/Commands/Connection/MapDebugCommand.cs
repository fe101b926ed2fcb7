using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Connection;

/// <summary>
/// <c>dualwrite maps debug NAME on|off</c>: whether the map's new error log entries keep the payload that failed,
/// which shows what was sent at the cost of keeping business data in the log.
/// </summary>
internal static class MapDebugCommand
{
    public static Command Create(Terminal terminal)
    {
        var name = new Argument<string>("NAME") { Description = "The map's name, such as \"Customer groups\"." };
        var mode = new Argument<string>("MODE") { Description = "on to keep the payloads of new errors, off to stop keeping them." };
        mode.AcceptOnlyFromAmong("on", "off");
        return RemoteCommand.Create("debug", "Turn a map's debug mode on or off: while on, its new errors keep their payloads (needs an administrator's token).", terminal, async call =>
        {
            var answer = await call.Client.SetDebugAsync(call.Value(name), call.Value(mode) == "on", call.CancellationToken);
            if (call.Json)
            {
                call.WriteJson(answer.Json);
            }
            else if (answer.Value.Debug)
            {
                call.Console.MarkupLineInterpolated($"Debug mode [yellow]on[/]: new errors of {answer.Value.Map} keep their payloads; `dualwrite errors --map \"{answer.Value.Map}\" --json` shows them.");
            }
            else
            {
                call.Console.MarkupLineInterpolated($"Debug mode off: new errors of {answer.Value.Map} no longer keep their payloads; those kept already stay.");
            }

            return ExitCode.Success;
        }, name, mode);
    }
}
