using DualWrite.Connectors.Http;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;

namespace DualWrite.Connectors.FinOps;

public sealed partial class FinOpsClient
{
    private const string LegalEntities = "LegalEntities";

    /// <summary>
    /// Reads an entity page by page, following <c>@odata.nextLink</c>, in lists of at most
    /// <see cref="FinOpsQuery.PageSize"/> rows; an empty entity yields no pages.
    /// </summary>
    /// <param name="entity">The entity set (<c>CustomersV3</c>).</param>
    /// <param name="query">Company, filter, order, fields and page size.</param>
    /// <param name="cancellationToken">Stops the reading between and during pages.</param>
    public IAsyncEnumerable<IReadOnlyList<Row>> ReadPagesAsync(string entity, FinOpsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadRowsAsync(entity, query, cancellationToken).Chunk(query.PageSize);
    }

    /// <summary>
    /// Reads an entity row by row as F&amp;O sends it, asking for pages of <see cref="FinOpsQuery.PageSize"/> rows
    /// and following <c>@odata.nextLink</c>. Only the row being read is held, not its page, so memory stays small
    /// whatever the number of rows and the page size.
    /// </summary>
    /// <param name="entity">The entity set (<c>CustomersV3</c>).</param>
    /// <param name="query">Company, filter, order, fields and page size.</param>
    /// <param name="cancellationToken">Stops the reading between and during rows.</param>
    public async IAsyncEnumerable<Row> ReadRowsAsync(string entity, FinOpsQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = TableOf(entity);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, FinOpsQuery.MaxPageSize, nameof(query));
        var what = query.Company is null || table.CompanyField is null
            ? $"Reading {table.EntitySet}"
            : $"Reading {table.EntitySet} of company '{query.Company}'";
        var headers = new Dictionary<string, string> { ["Prefer"] = $"odata.maxpagesize={query.PageSize.ToString(CultureInfo.InvariantCulture)}" };
        string? url = ODataUrl.WithQuery(
            Uri.EscapeDataString(table.EntitySet),
            (ODataUrl.CrossCompany, "true"),
            ("$filter", FilterOf(table, query.Company, query.Filter)),
            ("$orderby", string.Join(',', query.OrderBy ?? table.Key)),
            ("$select", query.Select is null ? null : string.Join(',', query.Select)));
        while (url is not null)
        {
            await using var page = await Failing(what, () => transport.GetCollectionAsync(url, headers, cancellationToken));
            while (await Failing(what, () => page.ReadAsync(cancellationToken)) is { } entityJson)
            {
                using (entityJson)
                {
                    yield return FinOpsRowReader.Read(table, entityJson.RootElement);
                }
            }

            url = page.NextLink;
        }
    }

    /// <summary>Reads one row by its full key, in whichever company it is.</summary>
    /// <returns>The row, or null when there is none with that key.</returns>
    public async Task<Row?> ReadAsync(string entity, RowKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = TableOf(entity);
        var url = ODataUrl.WithQuery(ODataUrl.Entity(table, key), (ODataUrl.CrossCompany, "true"));
        try
        {
            using var document = await transport.GetJsonAsync(url, null, cancellationToken);
            return FinOpsRowReader.Read(table, document.RootElement);
        }
        catch (ConnectorException e) when (e.Status == 404)
        {
            return null;
        }
        catch (ConnectorException e)
        {
            throw Failure($"Reading {table.EntitySet}({key})", e);
        }
        catch (JsonException e)
        {
            throw new ConnectorException($"Reading {table.EntitySet}({key}): the answer is not JSON ({e.Message})", inner: e);
        }
    }

    /// <summary>Counts an entity's rows in one company, or in all of them when <paramref name="company"/> is null.</summary>
    public async Task<long> CountAsync(string entity, string? company, CancellationToken cancellationToken)
    {
        var table = TableOf(entity);
        var what = company is null ? $"Counting {table.EntitySet}" : $"Counting {table.EntitySet} of company '{company}'";
        var url = transport.Absolute(ODataUrl.WithQuery(
            $"{Uri.EscapeDataString(table.EntitySet)}/$count",
            (ODataUrl.CrossCompany, "true"),
            ("$filter", FilterOf(table, company, null))));
        string text;
        try
        {
            using var response = await transport.SendAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, url);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
                    return request;
                },
                idempotent: true,
                cancellationToken);
            text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        }
        catch (ConnectorException e)
        {
            throw Failure(what, e);
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new ConnectorException($"{what}: F&O answered '{(text.Length > 100 ? text[..100] + "…" : text)}', which is not a count.");
    }

    /// <summary>Whether F&amp;O has the legal entity (company) <paramref name="company"/>.</summary>
    public async Task<bool> CompanyExistsAsync(string company, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(company);
        var table = TableOf(LegalEntities);
        return await ReadAsync(table.EntitySet, new RowKey([new(table.Key[0], company)]), cancellationToken) is not null;
    }

    /// <summary>The company scope and the caller's filter, combined so that neither can widen the other.</summary>
    private static string? FilterOf(TableSchema table, string? company, string? filter)
    {
        var scope = company is not null && table.CompanyField is { } field
            ? $"{field} eq {ODataLiteral.String(company)}"
            : null;
        return (scope, string.IsNullOrWhiteSpace(filter) ? null : filter) switch
        {
            (null, null) => null,
            (not null, null) => scope,
            (null, not null) => filter,
            _ => $"{scope} and ({filter})",
        };
    }

    /// <summary>A step of reading a page, its failures told as failures of <paramref name="what"/>.</summary>
    private static async Task<T> Failing<T>(string what, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (ConnectorException e)
        {
            throw Failure(what, e);
        }
        catch (JsonException e)
        {
            throw new ConnectorException($"{what}: the answer is not JSON ({e.Message})", inner: e);
        }
    }
}
