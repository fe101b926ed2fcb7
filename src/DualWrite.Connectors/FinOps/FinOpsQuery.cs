namespace DualWrite.Connectors.FinOps;

/// <summary>Which rows of an F&amp;O entity to read, in what order, and how many per page.</summary>
public sealed record FinOpsQuery
{
    /// <summary>Rows per page unless told otherwise.</summary>
    public const int DefaultPageSize = 5_000;

    /// <summary>The most rows F&amp;O puts in one page.</summary>
    public const int MaxPageSize = 10_000;

    /// <summary>
    /// The legal entity (<c>dataAreaId</c>) to read, or null for every company. Ignored for global entities
    /// such as <c>LegalEntities</c>, which belong to no company.
    /// </summary>
    public string? Company { get; init; }

    /// <summary>An OData <c>$filter</c>, combined with the company by <c>and</c>.</summary>
    public string? Filter { get; init; }

    /// <summary>Fields to order by, each optionally followed by <c>desc</c>; null for the entity key.</summary>
    public IReadOnlyList<string>? OrderBy { get; init; }

    /// <summary>The fields to read; null for all of them.</summary>
    public IReadOnlyList<string>? Select { get; init; }

    /// <summary>Rows per page, from 1 to <see cref="MaxPageSize"/>; asked for with <c>Prefer: odata.maxpagesize</c>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;
}
