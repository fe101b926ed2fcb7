using DualWrite.Environments.Storage;

namespace DualWrite.Environments.OData;

/// <param name="Rows">The rows of this page, in order.</param>
/// <param name="NextLink">Where the next page is, or null on the last one.</param>
/// <param name="Count">The number of matching rows in all pages, when <c>$count=true</c> asked for it.</param>
internal sealed record CollectionPage(IReadOnlyList<StoredRow> Rows, string? NextLink, long? Count);
