using System.CommandLine;
using DualWrite.Core.Maps;
using DualWrite.Core.Validation;
using DualWrite.Environments.Hosting;
using Spectre.Console;

namespace DualWrite.Cli.Commands;

/// <summary><c>dualwrite maps validate|show</c>: table maps, checked against the environments' schemas, and read.</summary>
internal static class MapsCommand
{
    public static Command Create(IAnsiConsole console) => new("maps", "Validate and show table maps.")
    {
        Validate(console),
        Show(console),
    };

    private static Command Validate(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A solution file (JSON)." };
        var command = new Command("validate", "Check every map of a solution file against the environments' schemas; exit 1 on any finding.") { file };
        command.SetAction(parse =>
        {
            if (!TryRead(parse.GetValue(file)!, console, out var solution))
            {
                return 2;
            }

            var findings = MapValidator.Validate(solution, EnvironmentSchemas.Load(EnvironmentKind.FinOps), EnvironmentSchemas.Load(EnvironmentKind.Dataverse));
            if (findings.Count == 0)
            {
                console.MarkupLineInterpolated($"[green]{solution}: {solution.Maps.Count} maps, no findings.[/]");
                return 0;
            }

            var table = new Table().AddColumn("Code").AddColumn("Map").AddColumn("Field").AddColumn("Finding");
            foreach (var finding in findings)
            {
                table.AddRow(Markup.Escape(finding.Code), Markup.Escape(finding.Map), Markup.Escape(finding.Field ?? string.Empty), Markup.Escape(finding.Message));
            }

            console.Write(table);
            console.MarkupLineInterpolated($"[red]{findings.Count} finding(s) in {solution.Maps.Count} maps.[/]");
            return 1;
        });
        return command;
    }

    private static Command Show(IAnsiConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "The map's name, such as \"Customers V3 (accounts)\"." };
        var solutionFile = new Option<FileInfo>("--solution") { Description = "The solution file; the out-of-box solution by default." };
        var command = new Command("show", "Print a map in the symbol view: = both ways, > to Dataverse, < to F&O.") { name, solutionFile };
        command.SetAction(parse =>
        {
            var solution = OutOfBoxSolution.Load();
            if (parse.GetValue(solutionFile) is { } path && !TryRead(path, console, out solution))
            {
                return 2;
            }

            var map = solution.FindMap(parse.GetValue(name)!);
            if (map is null)
            {
                console.MarkupLineInterpolated($"[red]{solution} has no map '{parse.GetValue(name)}'.[/] Its maps: {string.Join(", ", solution.Maps.Select(m => m.Name))}.");
                return 1;
            }

            // Written as it is, unwrapped: the symbol view's lines are meant to be read (and copied) whole.
            console.Profile.Out.Writer.Write(MapText.Of(map));
            return 0;
        });
        return command;
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
