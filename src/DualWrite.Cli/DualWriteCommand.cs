using System.CommandLine;
using DualWrite.Cli.Commands;
using Spectre.Console;

namespace DualWrite.Cli;

/// <summary>The <c>dualwrite</c> command and its subcommands.</summary>
internal static class DualWriteCommand
{
    /// <param name="console">Where commands write; the terminal by default.</param>
    public static RootCommand Create(IAnsiConsole? console = null)
    {
        console ??= AnsiConsole.Console;
        return new("DualWrite: keeps a Finance and Operations environment and a Dataverse environment in step.")
        {
            UpCommand.Create(),
            EnvCommand.Create(),
            ServeCommand.Create(console),
            MapsCommand.Create(console),
        };
    }
}
