namespace DualWrite.Cli.Remote.Shapes;

/// <summary>One entry of the live sync error log.</summary>
internal sealed record ErrorEntry(
    long Id,
    DateTimeOffset At,
    string Map,
    string? Direction,
    string? Key,
    string? Transaction,
    string Type,
    string Message);
