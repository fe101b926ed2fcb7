namespace DualWrite.Runtime.LiveSync;

/// <summary>
/// What one hook call carries: the changes of a user's transaction (F&amp;O sends all of them in one call, Dataverse
/// one operation per call), in their order, and who made them.
/// </summary>
/// <param name="Source">The environment the changes were made in.</param>
/// <param name="TransactionId">The environment's id of the transaction or operation, for the error log.</param>
/// <param name="UserId">The user whose transaction it is.</param>
/// <param name="Changes">The changed rows, in order.</param>
/// <param name="Correlation">
/// For Dataverse, the id its operations share when they commit or roll back together (a change set); null when the
/// call carries its whole transaction.
/// </param>
public sealed record SourceTransaction(HookSource Source, string TransactionId, string? UserId, IReadOnlyList<SourceChange> Changes, string? Correlation = null);
