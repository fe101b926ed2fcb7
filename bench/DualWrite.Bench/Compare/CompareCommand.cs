using System.CommandLine;
using DualWrite.Bench.InitialSync;
using Spectre.Console;

namespace DualWrite.Bench.Compare;

/// <summary><c>compare</c>: both sides of the accounts map compared, timed against reading them without comparing.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var options = new SetupOptions(defaultCustomers: 1_000_000);
        var drift = new Option<int>("--drift") { Description = "Accounts whose credit limit is changed in Dataverse before comparing.", DefaultValueFactory = _ => 1_000 };
        drift.Validators.Add(r => SetupOptions.Range(r, 0, int.MaxValue));
        var differences = new Option<int>("--max-differences") { Description = "Differing rows the comparison keeps in detail.", DefaultValueFactory = _ => 1_000 };
        differences.Validators.Add(r => SetupOptions.Range(r, 0, int.MaxValue));
        var command = new Command("compare", "Comparison of Customers V3 (accounts) with both sides filled: rows per second and memory, against reading both sides without comparing.")
        {
            drift, differences,
        };
        options.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(drift) > result.GetValue<int>("--customers"))
            {
                result.AddError("--drift changes each account at most once: it may not exceed --customers.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = AnsiConsole.Console;
            var figures = await CompareBenchmark.RunAsync(new CompareSettings(options.Read(parse), parse.GetValue(drift), parse.GetValue(differences)), console, cancellationToken);
            CompareReport.Write(console, figures);
            return figures.Correct ? 0 : 1;
        });
        return command;
    }
}
