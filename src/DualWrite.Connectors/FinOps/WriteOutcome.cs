using DualWrite.Core.Rows;

namespace DualWrite.Connectors.FinOps;

/// <summary>What became of one write of a <see cref="FinOpsClient.WriteAsync"/> call.</summary>
/// <param name="Index">The write's position in the list given.</param>
/// <param name="Success">Whether the row was written (and, for an atomic call, committed with the others).</param>
/// <param name="Status">
/// The HTTP status of the write's own answer; 424 (Failed Dependency, as OData 4.01 has it) for a write that was
/// rolled back or never run because another write failed.
/// </param>
/// <param name="Message">Why it failed, in the server's words; null on success.</param>
/// <param name="Key">The row's key: for a create, as the server answered it when it did.</param>
/// <param name="Entity">The entity set written to.</param>
public sealed record WriteOutcome(int Index, bool Success, int Status, string? Message, RowKey? Key, string Entity)
{
    public override string ToString() => Success
        ? $"#{Index} {Entity}({Key}): {Status}"
        : $"#{Index} {Entity}({Key}) failed ({Status}): {Message}";
}
