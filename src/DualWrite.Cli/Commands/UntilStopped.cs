using Spectre.Console;

namespace DualWrite.Cli.Commands;

/// <summary>What a command that serves does once it listens: wait for Ctrl+C or SIGTERM, then say it stops.</summary>
internal static class UntilStopped
{
    public static async Task WaitAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        console.MarkupLine("Press [bold]Ctrl+C[/] to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("Stopping…");
        }
    }
}
