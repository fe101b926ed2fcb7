namespace DualWrite.Cli.Remote.Shapes;

internal sealed record ResumeBody(IReadOnlyList<string> Maps, string Mode);
