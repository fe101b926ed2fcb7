using DualWrite.Core.Rows;
using DualWrite.Runtime.LiveSync;

namespace DualWrite.Runtime.Queue;

/// <summary>One source change waiting in a map's lane, in the order it arrived.</summary>
/// <param name="Sequence">Its place in the lane, given by the store when it is appended; 0 before.</param>
/// <param name="Map">The map whose lane it waits in.</param>
/// <param name="Source">The environment it was made in.</param>
/// <param name="TransactionId">The source transaction; the changes of one transaction are replayed together.</param>
/// <param name="Table">The source table, as maps name it.</param>
/// <param name="Operation">Create, update or delete.</param>
/// <param name="Key">The integration key, as <see cref="RowKey.ToString"/> gives it: a later change to the same key waits behind a failed one.</param>
/// <param name="Payload">The change itself (<see cref="ChangePayload"/>).</param>
/// <param name="QueuedAt">When it was appended.</param>
public sealed record QueuedChange(
    long Sequence,
    string Map,
    HookSource Source,
    string TransactionId,
    string Table,
    ChangeOperation Operation,
    string Key,
    string Payload,
    DateTimeOffset QueuedAt);
