namespace DualWrite.Cli.Remote.Shapes;

internal sealed record SkipToLiveBody(IReadOnlyList<string> Maps, bool KeepAsCatchUpErrors);
