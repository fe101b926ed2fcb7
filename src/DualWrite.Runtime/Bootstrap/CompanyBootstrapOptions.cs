namespace DualWrite.Runtime.Bootstrap;

/// <summary>Which Dataverse rows without a company to give one.</summary>
/// <param name="Company">The company code; compared without regard to case with the linked companies.</param>
/// <param name="Table">The Dataverse table, by logical name (<c>account</c>) or entity set (<c>accounts</c>).</param>
/// <param name="Filter">An OData <c>$filter</c> the rows must also match; null for every row without a company.</param>
public sealed record CompanyBootstrapOptions(string Company, string Table, string? Filter = null)
{
    /// <summary>Rows read per page, and written per change set.</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>Where the refused rows are also listed, as CSV (<c>line,key,reason</c>); nowhere but the result when null.</summary>
    public string? ErrorFile { get; init; }
}
