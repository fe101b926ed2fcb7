namespace DualWrite.Runtime.Monitoring;

/// <summary>Which error log entries to read: each condition given narrows the search; newest first, a page at a time.</summary>
public sealed record ErrorQuery
{
    public string? Map { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>The integration key, or a part of it.</summary>
    public string? Key { get; init; }

    public IReadOnlyCollection<ErrorType>? Types { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 100;
}
