namespace DualWrite.Cli.Remote.Shapes;

/// <summary>The maps a forced reset stopped.</summary>
internal sealed record ResetAnswer(IReadOnlyList<string> Stopped);
