using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Remote;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Connection;

/// <summary>
/// <c>dualwrite maps export NAME</c> and <c>dualwrite maps edit NAME --file FILE</c>: a map's JSON out, changed by
/// hand, and back in as the map's new version while it is NotRunning.
/// </summary>
internal static class MapEditCommands
{
    public static Command Export(Terminal terminal)
    {
        var name = NameArgument();
        return RemoteCommand.Create("export", "Print a map's JSON as in a solution file, to change and give back with `maps edit`.", terminal, async call =>
        {
            var detail = await call.Client.GetMapAsync(call.Value(name), call.CancellationToken);
            if (!detail.Json.TryGetProperty("map", out var map))
            {
                throw new AdminApiException($"The runtime at {call.Client.Runtime} answered without the map's JSON; it may be older than this dualwrite.");
            }

            // The same with or without --json: the map's JSON is what this command is for.
            call.WriteJson(map);
            return ExitCode.Success;
        }, name);
    }

    public static Command Edit(Terminal terminal)
    {
        var name = NameArgument();
        var file = new Option<FileInfo>("--file") { Description = "The map's new JSON: one map as in a solution file's maps, as `maps export` prints it.", Required = true };
        return RemoteCommand.Create("edit", "Replace a NotRunning map with the one in a file; the runtime validates it and saves it as the map's new version (needs an administrator's token).", terminal, async call =>
        {
            var path = call.Value(file)!.FullName;
            var text = await UsageException.AroundFileAsync(path, () => File.ReadAllTextAsync(path, call.CancellationToken));
            var saved = await call.Client.ReplaceMapAsync(call.Value(name), text, call.CancellationToken);
            if (call.Json)
            {
                call.WriteJson(saved.Json);
            }
            else
            {
                call.Console.MarkupLineInterpolated($"[green]Saved[/] {saved.Value.Name} as version {saved.Value.Version} of {saved.Value.Solution}, the active version now.");
            }

            return ExitCode.Success;
        }, name, file);
    }

    private static Argument<string> NameArgument() => new("NAME") { Description = "The map's name, such as \"Customer groups\"." };
}
