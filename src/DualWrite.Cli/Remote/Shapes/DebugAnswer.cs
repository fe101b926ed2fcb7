namespace DualWrite.Cli.Remote.Shapes;

/// <summary>Whether a map's new error log entries keep their payloads, after it was set.</summary>
internal sealed record DebugAnswer(string Map, bool Debug);
