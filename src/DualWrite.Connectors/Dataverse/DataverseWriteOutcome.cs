namespace DualWrite.Connectors.Dataverse;

/// <summary>What became of one <see cref="DataverseWrite"/>.</summary>
/// <param name="Index">The write's position in the list given.</param>
/// <param name="Success">Whether the row was written.</param>
/// <param name="Status">
/// The HTTP status the service gave the request; 424 (Failed Dependency) for a request of a change set that was
/// rolled back or never run because another request failed.
/// </param>
/// <param name="Message">For a failure: the table, the key and the service's message; null on success.</param>
/// <param name="Id">The row's id, from <c>OData-EntityId</c> when the service gives it.</param>
public sealed record DataverseWriteOutcome(int Index, bool Success, int Status, string? Message, Guid? Id);
