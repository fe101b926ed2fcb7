namespace DualWrite.Core.Mapping;

/// <summary>
/// "Set this lookup to the row of that table whose key is these values": what the writer resolves (through the
/// table's alternate key) before it writes a Dataverse row.
/// </summary>
/// <param name="Column">The lookup column of the row being written (<c>msdyn_customergroupid</c>).</param>
/// <param name="Table">The logical name of the related table (<c>msdyn_customergroup</c>).</param>
/// <param name="Conditions">The related row's key values; a company-specific table's company among them.</param>
/// <param name="Path">The mapped path, for messages (<c>msdyn_customergroupid.msdyn_groupid</c>).</param>
public sealed record LookupRequest(string Column, string Table, IReadOnlyList<LookupCondition> Conditions, string Path)
{
    public override string ToString() => $"{Table} where {string.Join(" and ", Conditions)}";
}
