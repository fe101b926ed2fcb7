using System.CommandLine;
using System.CommandLine.Parsing;
using DualWrite.Connectors.Dataverse;
using Spectre.Console;

namespace DualWrite.Bench.InitialSync;

/// <summary><c>initial-sync</c>: customers from F&amp;O into an empty Dataverse, timed against the storage's own rate.</summary>
internal static class InitialSyncCommand
{
    public static Command Create()
    {
        var customers = Positive(new Option<int>("--customers") { Description = "Customers (organisations) added to F&O beside its demo data.", DefaultValueFactory = _ => 100_000 });
        var companies = new Option<int>("--companies") { Description = "Demo companies (usmf, gbsi, dat, in that order) linked and given customers.", DefaultValueFactory = _ => 3 };
        companies.Validators.Add(r => Range(r, 1, InitialSyncBenchmark.DemoCompanies.Count));
        var batch = new Option<int>("--batch") { Description = "Rows per $batch the change writer sends to Dataverse.", DefaultValueFactory = _ => 500 };
        batch.Validators.Add(r => Range(r, 1, DataverseClient.MaxBatchRequests));
        var parallel = Positive(new Option<int>("--parallel") { Description = "Batches the change writer keeps in flight.", DefaultValueFactory = _ => 4 });
        var pageSize = new Option<int>("--page-size") { Description = "Rows per page read from each side.", DefaultValueFactory = _ => 5_000 };
        pageSize.Validators.Add(r => Range(r, 1, DataverseQuery.MaxPageSize));
        var checkpoint = Positive(new Option<int>("--checkpoint") { Description = "Rows settled between checkpoints (each stretch is written, then checkpointed).", DefaultValueFactory = _ => 2_000 });
        var fill = new Option<FillMethod>("--fill") { Description = "How the customers go into F&O: straight into its storage, or through its OData $batch.", DefaultValueFactory = _ => FillMethod.Storage };

        var command = new Command("initial-sync", "Initial sync of Customers V3 (accounts) from F&O into an empty Dataverse: rows per second, memory and requests, against the Dataverse storage's own insert rate.")
        {
            customers, companies, batch, parallel, pageSize, checkpoint, fill,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new InitialSyncSettings(
                parse.GetValue(customers),
                parse.GetValue(companies),
                parse.GetValue(batch),
                parse.GetValue(parallel),
                parse.GetValue(pageSize),
                parse.GetValue(checkpoint),
                parse.GetValue(fill));
            var console = AnsiConsole.Console;
            var figures = await InitialSyncBenchmark.RunAsync(settings, console, cancellationToken);
            FiguresReport.Write(console, figures);
            return figures.Complete ? 0 : 1;
        });
        return command;
    }

    /// <summary>Refuses a value below 1; shared by the benchmarks' options.</summary>
    internal static Option<int> Positive(Option<int> option)
    {
        option.Validators.Add(r => Range(r, 1, int.MaxValue));
        return option;
    }

    internal static void Range(OptionResult result, int min, int max)
    {
        var value = result.GetValueOrDefault<int>();
        if (value < min || value > max)
        {
            result.AddError(max == int.MaxValue
                ? $"{result.Option.Name} must be at least {min}; got {value}."
                : $"{result.Option.Name} must be from {min} to {max}; got {value}.");
        }
    }
}
