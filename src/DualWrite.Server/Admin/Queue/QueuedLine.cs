using DualWrite.Core.Rows;
using DualWrite.Runtime.LiveSync;
using DualWrite.Runtime.Queue;

namespace DualWrite.Server.Admin.Queue;

/// <summary>One change waiting in a map's lane.</summary>
internal sealed record QueuedLine(long Sequence, string Key, ChangeOperation Operation, string Transaction, DateTimeOffset QueuedAt, HookSource Source)
{
    public static QueuedLine From(QueuedChange c) => new(c.Sequence, c.Key, c.Operation, c.TransactionId, c.QueuedAt, c.Source);
}
