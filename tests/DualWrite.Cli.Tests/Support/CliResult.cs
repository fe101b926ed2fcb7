namespace DualWrite.Cli.Tests.Support;

/// <summary>What one <c>dualwrite</c> command line exited with and printed.</summary>
public sealed record CliResult(int Exit, string Output);
