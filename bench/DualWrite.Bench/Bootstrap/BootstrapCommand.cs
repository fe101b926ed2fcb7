using System.CommandLine;
using DualWrite.Bench.InitialSync;
using DualWrite.Connectors.Dataverse;
using Spectre.Console;

namespace DualWrite.Bench.Bootstrap;

/// <summary><c>bootstrap</c>: a data-management export of customers loaded into an empty Dataverse, timed against the storage's own rate.</summary>
internal static class BootstrapCommand
{
    public static Command Create()
    {
        var customers = SetupOptions.Positive(new Option<int>("--customers") { Description = "Rows of the export, dealt round the companies.", DefaultValueFactory = _ => 1_000_000 });
        var companies = new Option<int>("--companies") { Description = "Demo companies (usmf, gbsi, dat, in that order) linked and given rows.", DefaultValueFactory = _ => 3 };
        companies.Validators.Add(r => SetupOptions.Range(r, 1, InitialSyncBenchmark.DemoCompanies.Count));
        var batch = new Option<int>("--batch") { Description = "Rows per request the change writer sends to Dataverse.", DefaultValueFactory = _ => 500 };
        batch.Validators.Add(r => SetupOptions.Range(r, 1, DataverseClient.MaxBatchRequests));
        var parallel = SetupOptions.Positive(new Option<int>("--parallel") { Description = "Requests the change writer keeps in flight.", DefaultValueFactory = _ => 4 });
        var rows = SetupOptions.Positive(new Option<int>("--rows-per-batch") { Description = "Rows of the file read, compared and written together.", DefaultValueFactory = _ => 4_000 });

        var command = new Command("bootstrap", "File bootstrap of a customers export into an empty Dataverse through Customers V3 (accounts): rows per second and memory, against the Dataverse storage's own insert rate.")
        {
            customers, companies, batch, parallel, rows,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new BootstrapSettings(parse.GetValue(customers), parse.GetValue(companies), parse.GetValue(batch), parse.GetValue(parallel), parse.GetValue(rows));
            var console = AnsiConsole.Console;
            var figures = await BootstrapBenchmark.RunAsync(settings, console, cancellationToken);
            BootstrapReport.Write(console, figures);
            return figures.Complete ? 0 : 1;
        });
        return command;
    }
}
