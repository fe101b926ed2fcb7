using DualWrite.Core.Rows;

namespace DualWrite.Runtime.LiveSync;

/// <summary>One row changed by a user's transaction, as its environment reported it to the hook.</summary>
/// <param name="Sequence">Its place in the transaction's order.</param>
/// <param name="Table">The table as maps name it: the F&amp;O entity (<c>CustomersV3</c>) or the Dataverse entity set (<c>accounts</c>).</param>
/// <param name="Operation">Create, update or delete.</param>
/// <param name="Values">The row after the change; for a delete, the row as it was.</param>
/// <param name="ChangedFields">The fields the change set; null when every field counts as changed.</param>
/// <param name="Before">The row as it was before an update, when the environment sent it; what undoes the change.</param>
public sealed record SourceChange(long Sequence, string Table, ChangeOperation Operation, Row Values, IReadOnlyCollection<string>? ChangedFields, Row? Before = null);
