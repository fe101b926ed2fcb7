namespace DualWrite.Server.Admin.Paging;

/// <summary>One page of a list that can grow: how many there are in all, and those of the page.</summary>
internal sealed record Page<T>(long Total, IReadOnlyList<T> Items);
