using DualWrite.Core.Rows;
using DualWrite.Runtime.Queue;

namespace DualWrite.Server.Admin.Errors;

/// <summary>A change that failed during catch-up, kept until it is retried or dismissed.</summary>
internal sealed record CatchUpErrorLine(long Sequence, string Key, ChangeOperation Operation, string Transaction, string Message, DateTimeOffset FailedAt, DateTimeOffset QueuedAt)
{
    public static CatchUpErrorLine From(CatchUpError e) =>
        new(e.Change.Sequence, e.Change.Key, e.Change.Operation, e.Change.TransactionId, e.Message, e.FailedAt, e.Change.QueuedAt);
}
