namespace DualWrite.Cli.Commands.Lifecycle;

/// <summary>Where one map is in its long work at one look: rows its initial sync read, or changes left in its queue.</summary>
internal sealed record MapProgress(string Map, string State, long Rows, double? RowsPerSecond, long Queued);
