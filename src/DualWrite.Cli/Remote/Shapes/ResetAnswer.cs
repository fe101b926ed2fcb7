namespace DualWrite.Cli.Remote.Shapes;

/// <summary>The maps a forced reset stopped, and what it could not clear (hooks on an environment it could not reach).</summary>
internal sealed record ResetAnswer(IReadOnlyList<string> Stopped, IReadOnlyList<string>? LeftBehind);
