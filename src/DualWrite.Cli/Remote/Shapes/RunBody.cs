namespace DualWrite.Cli.Remote.Shapes;

internal sealed record RunBody(IReadOnlyList<RunItem> Maps, string Master, string Rerun);
