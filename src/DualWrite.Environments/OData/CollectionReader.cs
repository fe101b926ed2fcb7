using System.Globalization;
using System.Text;
using System.Text.Json;
using DualWrite.Core.Filtering;
using DualWrite.Core.Schema;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.OData;

/// <summary>
/// Reads one page of an entity set with server-driven paging: pages end at a cursor (not an offset), so every
/// row comes exactly once however many pages there are and whatever is written between them.
/// </summary>
internal static class CollectionReader
{
    public static CollectionPage Read(
        EnvironmentStore store,
        ODataRequest request,
        TableSchema table,
        QueryOptions options,
        FilterExpression? scope,
        Func<string, FieldSchema?> resolve,
        int defaultPageSize,
        int maxPageSize)
    {
        var filter = AndExpression.Of(scope, options.Filter);
        var order = options.OrderBy.Count > 0
            ? options.OrderBy.Select(o => new SortField(Resolve(table, resolve, o.Field), o.Descending)).ToArray()
            : table.Key.Select(k => new SortField(table.GetField(k))).ToArray();
        var pageSize = Math.Clamp(
            int.TryParse(request.Preference("odata.maxpagesize"), NumberStyles.None, CultureInfo.InvariantCulture, out var preferred) ? preferred : defaultPageSize,
            1,
            maxPageSize);
        var take = options.Top is { } top ? Math.Min(top, pageSize) : pageSize;
        var query = new RowQuery(table)
        {
            Filter = filter,
            Resolve = resolve,
            OrderBy = order,
            After = options.SkipToken is null ? null : SkipToken.Decode(options.SkipToken),
            Skip = options.SkipToken is null ? options.Skip : 0,
            Take = take + 1,
        };
        var page = store.Query(query);
        var rows = page.Rows.Take(take).ToArray();
        var remaining = options.Top - rows.Length;
        string? nextLink = null;
        if (page.Rows.Count > take && remaining is null or > 0 && rows.Length > 0)
        {
            nextLink = NextLink(request, SkipToken.Encode(page.Cursors[take - 1]), remaining);
        }

        long? count = options.Count ? store.Count(new RowQuery(table) { Filter = filter, Resolve = resolve }) : null;
        return new CollectionPage(rows, nextLink, count);
    }

    /// <summary>The page as an OData collection; <paramref name="deltaLink"/>, if any, closes the last page.</summary>
    public static ODataResponse Respond(
        ODataRequest request,
        TableSchema table,
        CollectionPage page,
        Action<Utf8JsonWriter, StoredRow> writeRow,
        Func<string>? deltaLink = null) => ODataResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{request.ServiceRoot}$metadata#{table.EntitySet}");
            if (page.Count is { } count)
            {
                w.WriteNumber("@odata.count", count);
            }

            w.WriteStartArray("value");
            foreach (var row in page.Rows)
            {
                writeRow(w, row);
            }

            w.WriteEndArray();
            if (page.NextLink is not null)
            {
                w.WriteString("@odata.nextLink", page.NextLink);
            }
            else if (deltaLink is not null)
            {
                w.WriteString("@odata.deltaLink", deltaLink());
            }

            w.WriteEndObject();
        });

    private static FieldSchema Resolve(TableSchema table, Func<string, FieldSchema?> resolve, string name) =>
        resolve(name) ?? throw new ODataException(400, "0x80060888", $"Could not find a property named '{name}' on type '{table.Name}' to order by.");

    private static string NextLink(ODataRequest request, string skipToken, int? remainingTop)
    {
        var link = new StringBuilder(request.ServiceRoot).Append(request.Path.TrimStart('/')).Append('?');
        foreach (var (name, value) in request.Query)
        {
            if (name is "$skip" or "$skiptoken" or "$top")
            {
                continue;
            }

            link.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }

        if (remainingTop is { } top)
        {
            link.Append(CultureInfo.InvariantCulture, $"$top={top}&");
        }

        return link.Append("$skiptoken=").Append(Uri.EscapeDataString(skipToken)).ToString();
    }
}
