using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Output;
using DualWrite.Cli.Remote.Shapes;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Monitoring;

/// <summary><c>dualwrite initial-sync details MAP</c>: a map's latest initial sync, its counts per company and its row errors.</summary>
internal static class InitialSyncCommand
{
    private const int ErrorsShown = 100;

    public static Command Create(Terminal terminal)
    {
        var map = new Argument<string>("MAP") { Description = "The map whose latest initial sync to show." };
        var errors = new Option<bool>("--errors") { Description = $"List the run's row errors too (the first {ErrorsShown}; --csv writes them all)." };
        var csv = new Option<FileInfo>("--csv") { Description = "Write every row error of the run to this CSV file." };
        var details = RemoteCommand.Create("details", "Show a map's latest initial sync: counts per company and direction; exit 1 when it failed or rows failed.", terminal, async call =>
        {
            var name = call.Value(map);
            var run = await call.Client.GetInitialSyncAsync(name, call.CancellationToken);
            var rowErrors = call.Value(errors) ? await call.Client.GetInitialSyncErrorsAsync(name, 0, ErrorsShown, call.CancellationToken) : null;
            if (call.Value(csv) is { } file)
            {
                var text = await call.Client.GetInitialSyncErrorsCsvAsync(name, call.CancellationToken);
                await UsageException.AroundFileAsync(file.FullName, async () =>
                {
                    await File.WriteAllTextAsync(file.FullName, text, call.CancellationToken);
                    return true;
                });
            }

            if (call.Json)
            {
                WriteJson(call, run.Json, rowErrors?.Json);
            }
            else
            {
                Write(call.Console, name, run.Value, rowErrors?.Value);
                if (call.Value(csv) is { } written)
                {
                    call.Console.MarkupLineInterpolated($"Row errors written to {written.FullName}.");
                }
            }

            var totals = run.Value.Totals;
            return run.Value.Status == "Failed" || totals.ToDataverse.Failed + totals.ToFinOps.Failed > 0 ? ExitCode.Failed : ExitCode.Success;
        }, map, errors, csv);
        return new Command("initial-sync", "Initial sync runs and their row errors.") { details };
    }

    /// <summary>The run as the API gives it; with its row errors, one document holding both, so that it stays one parseable answer.</summary>
    private static void WriteJson(RemoteCall call, JsonElement run, JsonElement? errors)
    {
        if (errors is not { } page)
        {
            call.WriteJson(run);
            return;
        }

        var both = new JsonObject { ["run"] = JsonNode.Parse(run.GetRawText()), ["errors"] = JsonNode.Parse(page.GetRawText()) };
        call.Console.Profile.Out.Writer.WriteLine(both.ToJsonString());
    }

    private static void Write(IAnsiConsole console, string name, InitialSyncRun run, Page<SyncRowError>? errors)
    {
        console.MarkupLineInterpolated($"[bold]{name}[/]: initial sync {run.Status}, {run.Master} as master, {Cell.Plain(run.StartedAt)} to {Cell.Plain(run.EndedAt) ?? "now"}, {run.RowsPerSecond ?? 0:N0} rows/s");
        if (run.Message is { } message)
        {
            console.MarkupLineInterpolated($"{message}");
        }

        var table = new Table().AddColumn("Company").AddColumn("Direction");
        foreach (var column in (string[])["Read", "Created", "Updated", "Unchanged", "Skipped", "Failed"])
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var company in run.Companies)
        {
            AddCounts(table, company.Company + (company.Done ? string.Empty : " (under way)"), "to Dataverse", company.ToDataverse);
            AddCounts(table, company.Company, "to F&O", company.ToFinOps);
        }

        AddCounts(table, "all", "to Dataverse", run.Totals.ToDataverse);
        AddCounts(table, "all", "to F&O", run.Totals.ToFinOps);
        console.Write(table);
        if (errors is null)
        {
            return;
        }

        var rows = new Table().AddColumn("Company").AddColumn("Direction").AddColumn("Key").AddColumn("Field").AddColumn("Message");
        foreach (var error in errors.Items)
        {
            rows.AddRow(Cell.Text(error.Company), Cell.Text(error.Direction), Cell.Text(error.Key), Cell.Text(error.Field), Cell.Text(error.Message));
        }

        console.Write(rows);
        console.MarkupLineInterpolated($"{errors.Items.Count} of {errors.Total} row error(s).");
    }

    private static void AddCounts(Table table, string company, string direction, SyncCounts counts) => table.AddRow(
        Cell.Text(company),
        Cell.Text(direction),
        Cell.Count(counts.Read),
        Cell.Count(counts.Created),
        Cell.Count(counts.Updated),
        Cell.Count(counts.Unchanged),
        Cell.Count(counts.Skipped),
        Cell.Count(counts.Failed));
}
