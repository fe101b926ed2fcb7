using Spectre.Console;

namespace DualWrite.Cli;

/// <summary>What commands write to and read the time from; a string writer and a fake clock in tests.</summary>
/// <param name="PollInterval">How often a command that follows the runtime's work asks it again.</param>
internal sealed record Terminal(IAnsiConsole Console, TimeProvider Time, TimeSpan PollInterval)
{
    public static Terminal Default => new(AnsiConsole.Console, TimeProvider.System, TimeSpan.FromMilliseconds(500));
}
