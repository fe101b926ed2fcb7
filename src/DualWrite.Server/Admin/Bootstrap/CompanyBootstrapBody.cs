namespace DualWrite.Server.Admin.Bootstrap;

/// <summary>The body of <c>POST /bootstrap/company</c>.</summary>
/// <param name="Company">The linked company to give the rows, in any case.</param>
/// <param name="Table">The Dataverse table, by logical name or entity set.</param>
/// <param name="Filter">An OData <c>$filter</c> the rows must also match; every row without a company when left out.</param>
internal sealed record CompanyBootstrapBody(string Company, string Table, string? Filter = null);
