using System.CommandLine;
using DualWrite.Cli.Commands;
using DualWrite.Cli.Commands.Bootstrap;
using DualWrite.Cli.Commands.Connection;
using DualWrite.Cli.Commands.Lifecycle;
using DualWrite.Cli.Commands.Monitoring;
using DualWrite.Cli.Commands.Reconciliation;

namespace DualWrite.Cli;

/// <summary>The <c>dualwrite</c> command and its subcommands.</summary>
internal static class DualWriteCommand
{
    /// <summary>
    /// How commands are invoked: Ctrl+C and SIGTERM cancel the running command, which then has a few seconds to
    /// stop cleanly. Without a configuration given, termination is not handled and the process ends at once.
    /// </summary>
    public static InvocationConfiguration Invocation => new() { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) };

    /// <param name="terminal">Where commands write and read the time; the terminal and the system clock by default.</param>
    public static RootCommand Create(Terminal? terminal = null)
    {
        terminal ??= Terminal.Default;
        var console = terminal.Console;
        return new("DualWrite: keeps a Finance and Operations environment and a Dataverse environment in step.")
        {
            UpCommand.Create(console),
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
            CompareCommand.Create(terminal),
            ErrorsCommand.Create(terminal),
            AlertsCommand.Create(terminal),
            CatchUpErrorsCommand.Create(terminal),
            QueueCommand.Create(terminal),
            HealthCommand.Create(terminal),
            ResetLinkCommand.Create(terminal),
            BootstrapCommand.Create(terminal),
        };
    }

    /// <summary>
    /// Runs the command line as <c>Program.cs</c> does. A command line that does not parse exits 2, apart from a
    /// command that fails (1), as the exit codes in <c>docs/cli.md</c> say.
    /// </summary>
    /// <param name="configuration"><see cref="Invocation"/> by default.</param>
    public static async Task<int> InvokeAsync(string[] args, Terminal? terminal = null, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var parse = Create(terminal).Parse(args);
        var exit = await parse.InvokeAsync(configuration ?? Invocation, cancellationToken);
        return parse.Errors.Count > 0 ? Commands.ExitCode.Usage : exit;
    }
}
