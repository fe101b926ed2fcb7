using DualWrite.Core.Maps;

namespace DualWrite.Runtime.Monitoring;

/// <summary>One failure of live sync or catch-up.</summary>
/// <param name="Id">Given by the store; 0 before.</param>
/// <param name="At">When it happened.</param>
/// <param name="Map">The map.</param>
/// <param name="Direction">Which way the change was going.</param>
/// <param name="Key">The integration key of the row, or empty when the failure was not about one row.</param>
/// <param name="TransactionId">The source transaction.</param>
/// <param name="Type">What kind of failure.</param>
/// <param name="Message">What happened, in words a user can act on.</param>
/// <param name="Payload">What was being written, recorded for maps in debug mode.</param>
public sealed record ErrorEntry(
    long Id,
    DateTimeOffset At,
    string Map,
    SyncDirection Direction,
    string Key,
    string TransactionId,
    ErrorType Type,
    string Message,
    string? Payload = null);
