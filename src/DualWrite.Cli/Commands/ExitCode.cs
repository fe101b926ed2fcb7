namespace DualWrite.Cli.Commands;

/// <summary>What <c>dualwrite</c> exits with, so that scripts can tell a refusal from a mistake in the command line.</summary>
internal static class ExitCode
{
    public const int Success = 0;

    /// <summary>The operation failed or found problems: a refusal of the runtime, health or validation findings, a map that stopped.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong, or the runtime cannot be found or reached.</summary>
    public const int Usage = 2;
}
