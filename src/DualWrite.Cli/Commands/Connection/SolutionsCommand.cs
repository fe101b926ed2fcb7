using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Output;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Connection;

/// <summary><c>dualwrite solutions import|export|list</c>: the solutions the runtime holds.</summary>
internal static class SolutionsCommand
{
    public static Command Create(Terminal terminal) => new("solutions", "Import, export and list solutions (table maps, as data).")
    {
        Import(terminal),
        Export(terminal),
        List(terminal),
    };

    private static Command Import(Terminal terminal)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A solution file (JSON), such as solutions/maps/dualwrite-core.json." };
        return RemoteCommand.Create("import", "Import a solution; the runtime validates it first and lists its findings (exit 1).", terminal, async call =>
        {
            var path = call.Value(file).FullName;
            var text = await UsageException.AroundFileAsync(path, () => File.ReadAllTextAsync(path, call.CancellationToken));
            var imported = await call.Client.ImportSolutionAsync(text, call.CancellationToken);
            if (call.Json)
            {
                call.WriteJson(imported.Json);
            }
            else
            {
                call.Console.MarkupLineInterpolated($"[green]Imported[/] {path}.");
            }

            return ExitCode.Success;
        }, file);
    }

    private static Command Export(Terminal terminal)
    {
        var name = new Argument<string>("NAME") { Description = "The solution's name." };
        var version = new Option<string>("--version") { Description = "An older version than the one held last." };
        var output = new Option<FileInfo>("--out") { Description = "Write it to this file rather than to the console." };
        return RemoteCommand.Create("export", "Export a solution as the JSON it was imported as.", terminal, async call =>
        {
            var text = await call.Client.ExportSolutionAsync(call.Value(name), call.Value(version), call.CancellationToken);
            if (call.Value(output) is { } file)
            {
                await UsageException.AroundFileAsync(file.FullName, async () =>
                {
                    await File.WriteAllTextAsync(file.FullName, text, call.CancellationToken);
                    return true;
                });
                if (!call.Json)
                {
                    call.Console.MarkupLineInterpolated($"Written to {file.FullName}.");
                }
            }
            else
            {
                call.Console.Profile.Out.Writer.WriteLine(text);
            }

            return ExitCode.Success;
        }, name, version, output);
    }

    private static Command List(Terminal terminal) => RemoteCommand.Create("list", "List the solutions the runtime holds.", terminal, async call =>
    {
        var solutions = await call.Client.GetSolutionsAsync(call.CancellationToken);
        if (call.Json)
        {
            call.WriteJson(solutions.Json);
            return ExitCode.Success;
        }

        var table = new Table().AddColumn("Solution").AddColumn("Version").AddColumn("Publisher").AddColumn(new TableColumn("Maps").RightAligned()).AddColumn("Imported").AddColumn("Description");
        foreach (var solution in solutions.Value)
        {
            table.AddRow(Cell.Text(solution.Name), Cell.Text(solution.Version), Cell.Text(solution.Publisher), Cell.Count(solution.Maps), Cell.Time(solution.ImportedAt), Cell.Text(solution.Description));
        }

        call.Console.Write(table);
        return ExitCode.Success;
    });
}
