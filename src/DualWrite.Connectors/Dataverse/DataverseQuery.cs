namespace DualWrite.Connectors.Dataverse;

/// <summary>Which rows of a table to read, in which order, with which columns and expanded lookups.</summary>
public sealed record DataverseQuery
{
    /// <summary>The most rows Dataverse puts on one page.</summary>
    public const int MaxPageSize = 5_000;

    /// <summary>Every row and column, by primary id.</summary>
    public static DataverseQuery All { get; } = new();

    /// <summary>An OData <c>$filter</c>, as Dataverse reads it (lookups as <c>_name_value</c>); null for every row.</summary>
    public string? Filter { get; init; }

    /// <summary>
    /// Column names to order by, each optionally followed by <c>desc</c>; the primary id is added last so that
    /// the order is total and paging sees every row once. Null or empty orders by the primary id alone.
    /// </summary>
    public IReadOnlyList<string>? OrderBy { get; init; }

    /// <summary>The columns to read (lookups by their own name); null for all.</summary>
    public IReadOnlyList<string>? Select { get; init; }

    /// <summary>
    /// Lookup paths one level below the table (<c>msdyn_company.cdm_companycode</c>): each comes back in the row
    /// as a value named by its path, null when the lookup is empty.
    /// </summary>
    public IReadOnlyList<string> Expand { get; init; } = [];

    /// <summary>Rows per page, asked for with <c>Prefer: odata.maxpagesize</c>; 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = MaxPageSize;
}
