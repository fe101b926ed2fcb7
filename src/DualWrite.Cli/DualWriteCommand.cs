using System.CommandLine;
using DualWrite.Cli.Commands;
using DualWrite.Cli.Commands.Connection;
using DualWrite.Cli.Commands.Lifecycle;
using DualWrite.Cli.Commands.Monitoring;

namespace DualWrite.Cli;

/// <summary>The <c>dualwrite</c> command and its subcommands.</summary>
internal static class DualWriteCommand
{
    /// <param name="terminal">Where commands write and read the time; the terminal and the system clock by default.</param>
    public static RootCommand Create(Terminal? terminal = null)
    {
        terminal ??= Terminal.Default;
        var console = terminal.Console;
        return new("DualWrite: keeps a Finance and Operations environment and a Dataverse environment in step.")
        {
            UpCommand.Create(),
            EnvCommand.Create(),
            ServeCommand.Create(console),
            LinkCommand.Create(terminal),
            StatusCommand.Create(terminal),
            MapsCommand.Create(terminal),
            SolutionsCommand.Create(terminal),
            RunCommand.Create(terminal),
            MapActionCommands.Pause(terminal),
            MapActionCommands.Resume(terminal),
            MapActionCommands.Stop(terminal),
            MapActionCommands.SkipToLive(terminal),
            InitialSyncCommand.Create(terminal),
            ErrorsCommand.Create(terminal),
            QueueCommand.Create(terminal),
            HealthCommand.Create(terminal),
            ResetLinkCommand.Create(terminal),
        };
    }

    /// <summary>
    /// Runs the command line as <c>Program.cs</c> does. A command line that does not parse exits 2, apart from a
    /// command that fails (1), as the exit codes in <c>docs/cli.md</c> say.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, Terminal? terminal = null, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var parse = Create(terminal).Parse(args);
        var exit = await parse.InvokeAsync(configuration, cancellationToken);
        return parse.Errors.Count > 0 ? Commands.ExitCode.Usage : exit;
    }
}
