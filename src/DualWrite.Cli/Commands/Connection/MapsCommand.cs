using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Output;
using DualWrite.Cli.Remote.Shapes;
using DualWrite.Core.Maps;
using DualWrite.Core.Validation;
using DualWrite.Environments.Hosting;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Connection;

/// <summary>
/// <c>dualwrite maps list|show|validate|export|edit|debug</c>: the runtime's active maps, table maps in solution
/// files checked against the environments' schemas without a runtime, and changes to an active map.
/// </summary>
internal static class MapsCommand
{
    public static Command Create(Terminal terminal) => new("maps", "List, show, validate, export and edit table maps, and turn their debug mode on or off.")
    {
        List(terminal),
        Show(terminal),
        Validate(terminal),
        MapEditCommands.Export(terminal),
        MapEditCommands.Edit(terminal),
        MapDebugCommand.Create(terminal),
    };

    private static Command List(Terminal terminal) => RemoteCommand.Create("list", "List the runtime's active maps and their versions.", terminal, async call =>
    {
        var maps = await call.Client.GetMapsAsync(call.CancellationToken);
        if (call.Json)
        {
            call.WriteJson(maps.Json);
            return ExitCode.Success;
        }

        var table = new Table().AddColumn("Map").AddColumn("F&O entity").AddColumn("Dataverse table").AddColumn("Solution").AddColumn("Version").AddColumn("State").AddColumn("Debug");
        foreach (var map in maps.Value)
        {
            table.AddRow(
                Cell.Text(map.Name),
                Cell.Text(map.FinOpsEntity),
                Cell.Text(map.DataverseTable),
                Cell.Text(map.Solution),
                Cell.Text(map.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Cell.State(map.State),
                Cell.Text(map.Debug ? "on" : null));
        }

        call.Console.Write(table);
        return ExitCode.Success;
    });

    private static Command Validate(Terminal terminal)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A solution file (JSON)." };
        return RemoteCommand.Create("validate", "Check every map of a solution file against the environments' schemas, without a runtime; exit 1 on any finding.", terminal, call =>
        {
            var console = call.Console;
            if (!TryRead(call.Value(file), console, out var solution))
            {
                return Task.FromResult(ExitCode.Usage);
            }

            var findings = MapValidator.Validate(solution, EnvironmentSchemas.Load(EnvironmentKind.FinOps), EnvironmentSchemas.Load(EnvironmentKind.Dataverse))
                .Select(f => new Finding(f.Code, f.Map, f.Field, f.Message, DipvFixes.For(f.Code)))
                .ToList();
            if (call.Json)
            {
                call.WriteJson(new ValidationAnswer(findings.Count == 0, findings));
            }
            else if (findings.Count == 0)
            {
                console.MarkupLineInterpolated($"[green]{solution}: {solution.Maps.Count} maps, no findings.[/]");
            }
            else
            {
                console.Write(FindingTable.Of(findings));
                console.MarkupLineInterpolated($"[red]{findings.Count} finding(s) in {solution.Maps.Count} maps.[/]");
            }

            return Task.FromResult(findings.Count == 0 ? ExitCode.Success : ExitCode.Failed);
        }, file);
    }

    private static Command Show(Terminal terminal)
    {
        var name = new Argument<string>("NAME") { Description = "The map's name, such as \"Customers V3 (accounts)\"." };
        var solutionFile = new Option<FileInfo>("--solution", "--file") { Description = "Read the map from this solution file instead of asking the runtime." };
        return RemoteCommand.Create("show", "Print a map in the symbol view: = both ways, > to Dataverse, < to F&O.", terminal, call =>
            call.Value(solutionFile) is { } path
                ? Task.FromResult(ShowFromFile(call.Console, path, call.Value(name)))
                : ShowActiveAsync(call, call.Value(name)),
            name, solutionFile);
    }

    private static async Task<int> ShowActiveAsync(RemoteCall call, string name)
    {
        var map = await call.Client.GetMapAsync(name, call.CancellationToken);
        if (call.Json)
        {
            call.WriteJson(map.Json);
            return ExitCode.Success;
        }

        var detail = map.Value;
        var writer = call.Console.Profile.Out.Writer;
        writer.WriteLine($"{detail.Name}: {detail.FinOpsEntity} <-> {detail.DataverseTable}, {detail.State}, {detail.Solution} version {detail.Version}");

        // Written as they are, unwrapped: the symbol view's lines are meant to be read (and copied) whole.
        if (map.Json.TryGetProperty("symbols", out var symbols) && symbols.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var line in symbols.EnumerateArray())
            {
                writer.WriteLine("  " + line.GetString());
            }
        }

        return ExitCode.Success;
    }

    private static int ShowFromFile(IAnsiConsole console, FileInfo path, string name)
    {
        if (!TryRead(path, console, out var solution))
        {
            return ExitCode.Usage;
        }

        var map = solution.FindMap(name);
        if (map is null)
        {
            console.MarkupLineInterpolated($"[red]{solution} has no map '{name}'.[/] Its maps: {string.Join(", ", solution.Maps.Select(m => m.Name))}.");
            return ExitCode.Failed;
        }

        // Written as it is, unwrapped: the symbol view's lines are meant to be read (and copied) whole.
        console.Profile.Out.Writer.Write(MapText.Of(map));
        return ExitCode.Success;
    }

    private static bool TryRead(FileInfo file, IAnsiConsole console, out Solution solution)
    {
        solution = null!;
        try
        {
            solution = SolutionReader.Parse(File.ReadAllText(file.FullName), file.FullName);
            return true;
        }
        catch (Exception e) when (e is SolutionFormatException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return false;
        }
    }
}
