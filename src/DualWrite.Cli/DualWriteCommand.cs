using System.CommandLine;
using DualWrite.Cli.Commands;

namespace DualWrite.Cli;

/// <summary>The <c>dualwrite</c> command and its subcommands.</summary>
internal static class DualWriteCommand
{
    public static RootCommand Create() => new("DualWrite: keeps a Finance and Operations environment and a Dataverse environment in step.")
    {
        UpCommand.Create(),
        EnvCommand.Create(),
    };
}
