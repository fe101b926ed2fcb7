using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Connection;

/// <summary><c>dualwrite reset-link</c>: clears the link so that a refreshed pair of environments can be linked again.</summary>
internal static class ResetLinkCommand
{
    public static Command Create(Terminal terminal)
    {
        var force = new Option<bool>("--force") { Description = "Stop the maps that run first; without it the runtime refuses while any runs." };
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation." };
        return RemoteCommand.Create("reset-link", "Clear the link: configuration, hooks, key settings, logs and history. Business data stays.", terminal, async call =>
        {
            if (!call.Value(yes))
            {
                if (!call.Console.Profile.Capabilities.Interactive)
                {
                    throw new UsageException("reset-link clears the runtime's configuration, logs and history; add --yes to do it without being asked.");
                }

                if (!await call.Console.ConfirmAsync("Clear the link's configuration, hooks, logs and history?", defaultValue: false, call.CancellationToken))
                {
                    call.Console.MarkupLine("Nothing was changed.");
                    return ExitCode.Failed;
                }
            }

            var reset = await call.Client.ResetAsync(call.Value(force), call.CancellationToken);
            if (call.Json)
            {
                call.WriteJson(reset.Json);
            }
            else
            {
                call.Console.MarkupLineInterpolated(
                    $"[green]The link is reset.[/] {(reset.Value.Stopped.Count == 0 ? "No map was running." : "Stopped: " + string.Join(", ", reset.Value.Stopped) + ".")}");
                foreach (var left in reset.Value.LeftBehind ?? [])
                {
                    call.Console.MarkupLineInterpolated($"[yellow]Left behind:[/] {left}");
                }
            }

            return ExitCode.Success;
        }, force, yes);
    }
}
