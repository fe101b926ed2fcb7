using System.CommandLine;
using Spectre.Console;

namespace DualWrite.Bench.InitialSync;

/// <summary><c>initial-sync</c>: customers from F&amp;O into an empty Dataverse, timed against the storage's own rate.</summary>
internal static class InitialSyncCommand
{
    public static Command Create()
    {
        var options = new SetupOptions(defaultCustomers: 100_000);
        var command = new Command("initial-sync", "Initial sync of Customers V3 (accounts) from F&O into an empty Dataverse: rows per second, memory and requests, against the Dataverse storage's own insert rate.");
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = AnsiConsole.Console;
            var figures = await InitialSyncBenchmark.RunAsync(options.Read(parse), console, cancellationToken);
            InitialSyncReport.Write(console, figures);
            return figures.Complete ? 0 : 1;
        });
        return command;
    }
}
