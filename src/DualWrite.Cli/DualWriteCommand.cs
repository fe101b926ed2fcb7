using System.CommandLine;
using DualWrite.Cli.Commands;
using Spectre.Console;

namespace DualWrite.Cli;

/// <summary>The <c>dualwrite</c> command and its subcommands.</summary>
internal static class DualWriteCommand
{
    /// <summary>
    /// How commands are invoked: Ctrl+C and SIGTERM cancel the running command, which then has a few seconds to
    /// stop cleanly. Without a configuration given, termination is not handled and the process ends at once.
    /// </summary>
    public static InvocationConfiguration Invocation => new() { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) };

    /// <param name="console">Where commands write; the terminal by default.</param>
    public static RootCommand Create(IAnsiConsole? console = null)
    {
        console ??= AnsiConsole.Console;
        return new("DualWrite: keeps a Finance and Operations environment and a Dataverse environment in step.")
        {
            UpCommand.Create(console),
            EnvCommand.Create(),
            ServeCommand.Create(console),
            MapsCommand.Create(console),
        };
    }
}
