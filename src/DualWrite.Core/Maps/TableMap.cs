namespace DualWrite.Core.Maps;

/// <summary>The pairing of one F&amp;O entity with one Dataverse table, field by field.</summary>
public sealed record TableMap
{
    /// <summary>How people know the map: <c>Customers V3 (accounts)</c>.</summary>
    public required string Name { get; init; }

    public FourPartVersion Version { get; init; } = new(1, 0, 0, 0);

    /// <summary>The F&amp;O data entity's public name: <c>CustomersV3</c>.</summary>
    public required string FinOpsEntity { get; init; }

    /// <summary>The Dataverse table's entity set: <c>accounts</c>.</summary>
    public required string DataverseTable { get; init; }

    /// <summary>Which F&amp;O rows go to Dataverse, as a query range: <c>((PartyType == "Organization"))</c>.</summary>
    public string? FinOpsFilter { get; init; }

    /// <summary>Which Dataverse rows come to F&amp;O, as an OData filter: <c>customertypecode eq 3</c>.</summary>
    public string? DataverseFilter { get; init; }

    /// <summary>Striped by company: the company is part of the key on both sides and is never mapped as a field.</summary>
    public bool CompanySpecific { get; init; }

    /// <summary>
    /// The Dataverse side of the integration key: the columns (or lookup paths) of one of the table's alternate
    /// keys. In a company-specific map the company is part of the key without being listed.
    /// </summary>
    public IReadOnlyList<FieldPath> IntegrationKey { get; init; } = [];

    /// <summary>The names of the maps whose rows this map's lookups need first.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public IReadOnlyList<FieldMapping> Fields { get; init; } = [];

    public override string ToString() => $"{Name} {Version}";
}
