using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Output;
using DualWrite.Cli.Remote.Shapes;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Reconciliation;

/// <summary>
/// <c>dualwrite compare --map MAP</c> (or <c>dualwrite compare MAP</c>): both sides of a map compared, with counts per
/// company and the differences; with <c>--fix MASTER</c> the differences are settled with that master and the sides
/// compared again. Exit 0 when the sides agree (after the fix, if any), 1 when they differ, 2 when the map is named
/// twice or not at all.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(Terminal terminal)
    {
        // The specification spells the map as --map, as bootstrap does; the positional form stays for existing scripts.
        var mapName = new Option<string>("--map") { Description = "The map whose two sides to compare." };
        var map = new Argument<string?>("MAP") { Description = "The map whose two sides to compare, if --map is not given.", Arity = ArgumentArity.ZeroOrOne };
        var company = new Option<string>("--company") { Description = "Compare this linked company only (every linked company by default)." };
        var fix = new Option<string>("--fix") { Description = "Settle the differences with this side's values winning, then compare again (needs an administrator's token)." };
        fix.AcceptOnlyFromAmong("dataverse", "finops");
        var differences = new Option<int>("--max-differences") { Description = "List at most this many differing rows (up to 10,000); the counts are exact regardless.", DefaultValueFactory = _ => 100 };
        differences.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 10_000)
            {
                result.AddError("--max-differences takes a number from 0 to 10,000.");
            }
        });
        var command = RemoteCommand.Create("compare", "Compare both sides of a map: rows only in F&O, only in Dataverse, and differing fields; exit 1 when they differ.", terminal, async call =>
        {
            var master = call.Value(fix) switch
            {
                "dataverse" => "Dataverse",
                "finops" => "FinOps",
                _ => null,
            };
            var reply = await call.Client.CompareAsync((call.Value(mapName) ?? call.Value(map))!, new CompareBody(call.Value(company), master is not null, master, call.Value(differences)), call.CancellationToken);
            var report = reply.Value;
            if (call.Json)
            {
                call.WriteJson(reply.Json);
            }
            else
            {
                Write(call.Console, report);
                if (report.Fix is { } done)
                {
                    call.Console.MarkupLineInterpolated(
                        $"Fixed with {done.Master} as master (initial sync run {done.Run}): to Dataverse {Written(done.ToDataverse)}; to F&O {Written(done.ToFinOps)}. Compared again:");
                    Write(call.Console, done.After);
                }
            }

            return report.AgreesNow ? ExitCode.Success : ExitCode.Failed;
        }, map, mapName, company, fix, differences);
        command.Validators.Add(result =>
        {
            var named = result.GetValue(mapName) is not null;
            var positional = result.GetValue(map) is not null;
            if (named == positional)
            {
                result.AddError(named
                    ? "Name the map once: either --map NAME or the positional MAP, not both."
                    : "Name the map to compare with --map NAME (or as the positional MAP).");
            }
        });
        return command;
    }

    private static void Write(IAnsiConsole console, ComparisonReport report)
    {
        var table = new Table().AddColumn("Company");
        foreach (var column in (string[])["F&O rows", "Dataverse rows", "Equal", "Only in F&O", "Only in Dataverse", "Differing", "Skipped"])
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var company in report.Companies)
        {
            AddCounts(table, company.Company.Length == 0 ? "(global)" : company.Company, company.Counts);
        }

        if (report.Companies.Count > 1)
        {
            AddCounts(table, "all", report.Totals);
        }

        console.Write(table);
        if (report.Differences.Count > 0)
        {
            var rows = new Table().AddColumn("Company").AddColumn("Key").AddColumn("Difference").AddColumn("F&O").AddColumn("Dataverse");
            foreach (var row in report.Differences)
            {
                AddDifference(rows, row);
            }

            console.Write(rows);
        }

        var listed = report.Differences.Count < report.Totals.Differences ? $" ({report.Differences.Count:N0} listed)" : string.Empty;
        var verdict = report.Agrees ? "[green]Both sides agree[/]" : $"[red]{report.Totals.Differences:N0} difference(s){Markup.Escape(listed)}[/]";
        console.MarkupLine($"{verdict}: {report.Totals.Compared:N0} rows compared in {report.Seconds:N1} s, {report.RowsPerSecond:N0} rows/s.");
    }

    private static void AddDifference(Table rows, RowDifference row)
    {
        var company = Cell.Text(row.Company);
        var key = Cell.Text(row.Key);
        switch (row.Kind)
        {
            case "OnlyInFinOps":
                rows.AddRow(company, key, Cell.Text("only in F&O"), Cell.Text("present"), Cell.Text("missing"));
                break;
            case "OnlyInDataverse":
                rows.AddRow(company, key, Cell.Text("only in Dataverse"), Cell.Text("missing"), Cell.Text("present"));
                break;
            default:
                foreach (var field in row.Fields)
                {
                    rows.AddRow(company, key, Cell.Text(field.Mapping), Cell.Text(field.FinOpsValue ?? "(empty)"), Cell.Text(field.DataverseValue ?? "(empty)"));
                }

                if (row.Problem is { } problem)
                {
                    rows.AddRow(company, key, Cell.Text("cannot be mapped"), Cell.Text(problem), Cell.Text(string.Empty));
                }

                break;
        }
    }

    private static void AddCounts(Table table, string company, ComparisonCounts counts) => table.AddRow(
        Cell.Text(company),
        Cell.Count(counts.FinOpsRows),
        Cell.Count(counts.DataverseRows),
        Cell.Count(counts.Equal),
        Cell.Count(counts.OnlyInFinOps),
        Cell.Count(counts.OnlyInDataverse),
        Cell.Count(counts.Differing),
        Cell.Count(counts.Skipped));

    private static string Written(SyncCounts counts) => $"{counts.Created:N0} created, {counts.Updated:N0} updated, {counts.Failed:N0} failed";
}
