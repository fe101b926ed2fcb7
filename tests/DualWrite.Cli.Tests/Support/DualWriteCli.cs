using Spectre.Console.Testing;

namespace DualWrite.Cli.Tests.Support;

/// <summary>Runs <c>dualwrite</c> as <c>Program.cs</c> does, with its console kept in a string, wide enough that tables do not wrap.</summary>
public static class DualWriteCli
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(400);
        var terminal = new Terminal(console, TimeProvider.System, TimeSpan.FromMilliseconds(50));
        using var errors = new StringWriter();

        // Only a guard against a command that follows a map forever: it fails the test instead of hanging the run.
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exit = await DualWriteCommand.InvokeAsync(args, terminal, new System.CommandLine.InvocationConfiguration { Output = errors, Error = errors }, hang.Token);
        return new CliResult(exit, console.Output + errors);
    }
}
