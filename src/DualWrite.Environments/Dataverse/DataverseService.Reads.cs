using System.Globalization;
using System.Text.Json;
using DualWrite.Core.Schema;
using DualWrite.Environments.OData;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Dataverse;

internal sealed partial class DataverseService
{
    /// <summary>Carries the change-tracking token of a first read across its pages, so the delta starts before page one.</summary>
    private const string TrackedFrom = "dwtrackedfrom";

    private ODataResponse ReadCollection(ODataRequest request, TableSchema table)
    {
        var query = QueryOptions.Parse(request.Query);
        CheckSelect(table, query.Select);
        var tracking = request.Prefers("odata.track-changes") || request.Query.ContainsKey(TrackedFrom) || query.DeltaToken is not null;
        if (tracking && (query.Filter is not null || query.OrderBy.Count > 0 || query.Expand.Count > 0 || query.Top is not null))
        {
            throw new ODataException(400, "0x80060888", "Change tracking cannot be combined with $filter, $orderby, $expand or $top; ask for the columns with $select only.");
        }

        if (query.DeltaToken is not null)
        {
            return ReadDelta(request, table, query);
        }

        if (tracking && !request.Query.ContainsKey(TrackedFrom))
        {
            request = request with
            {
                Query = new Dictionary<string, string>(request.Query, StringComparer.OrdinalIgnoreCase)
                {
                    [TrackedFrom] = Store.CommittedSequence().ToString(CultureInfo.InvariantCulture),
                },
            };
        }

        var expand = ResolveExpand(table, query.Expand);
        var page = CollectionReader.Read(Store, request, table, query, null, name => Resolve(table, name), MaxPageSize, MaxPageSize);
        var related = new Dictionary<(string, Guid), StoredRow?>();
        return CollectionReader.Respond(
            request,
            table,
            page,
            (w, row) => DataverseJson.WriteEntity(w, table, row, query.Select, Expanded(expand, row, related)),
            tracking ? () => DeltaLink(request, table, query, long.Parse(request.Query[TrackedFrom], CultureInfo.InvariantCulture)) : null);
    }

    /// <summary>The rows changed since the token, as they are now, and the ids of those deleted.</summary>
    private ODataResponse ReadDelta(ODataRequest request, TableSchema table, QueryOptions query)
    {
        if (!long.TryParse(query.DeltaToken, NumberStyles.None, CultureInfo.InvariantCulture, out var since))
        {
            throw new ODataException(400, "0x80060888", $"The $deltatoken '{query.DeltaToken}' is not one this service issued.");
        }

        var next = Store.CommittedSequence();
        var changes = Store.ChangesSince(table, since);
        return ODataResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{request.ServiceRoot}$metadata#{table.EntitySet}/$delta");
            w.WriteStartArray("value");
            foreach (var change in changes)
            {
                if (change.Row is { } row)
                {
                    DataverseJson.WriteEntity(w, table, row, query.Select, []);
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("@odata.context", $"{request.ServiceRoot}$metadata#{table.EntitySet}/$deletedEntity");
                w.WriteString("id", (Guid)change.Key[table.PrimaryIdField!]!);
                w.WriteString("reason", "deleted");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("@odata.deltaLink", DeltaLink(request, table, query, next));
            w.WriteEndObject();
        });
    }

    private static string DeltaLink(ODataRequest request, TableSchema table, QueryOptions query, long token)
    {
        var select = query.Select is null ? string.Empty : "$select=" + Uri.EscapeDataString(string.Join(",", query.Select)) + "&";
        return $"{request.ServiceRoot}{table.EntitySet}?{select}$deltatoken={token.ToString(CultureInfo.InvariantCulture)}";
    }

    private ODataResponse Count(TableSchema table) =>
        ODataResponse.Text(200, "text/plain", Store.Count(new RowQuery(table)).ToString(CultureInfo.InvariantCulture));

    private ODataResponse ReadOne(ODataRequest request, TableSchema table, string keyText)
    {
        var query = QueryOptions.Parse(request.Query);
        CheckSelect(table, query.Select);
        var expand = ResolveExpand(table, query.Expand);
        var address = RowAddress.Parse(table, keyText);
        var row = address.Find(Store, null) ?? throw NotFound(address);
        return Entity(200, request, table, row, query.Select, Expanded(expand, row, []), []);
    }

    private static ODataResponse Entity(
        int status,
        ODataRequest request,
        TableSchema table,
        StoredRow row,
        IReadOnlyList<string>? select,
        IReadOnlyList<(ExpandOption, FieldSchema, TableSchema, StoredRow?)> expand,
        Dictionary<string, string> headers)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            DataverseJson.WriteEntity(w, table, row, select, expand, $"{request.ServiceRoot}$metadata#{table.EntitySet}/$entity");
        }

        headers["Content-Type"] = ODataResponse.JsonContentType;
        headers["OData-Version"] = "4.0";
        headers["ETag"] = DataverseJson.ETag(row);
        return new ODataResponse(status, headers, buffer.ToArray());
    }

    private static void CheckSelect(TableSchema table, IReadOnlyList<string>? select)
    {
        var unknown = select?.FirstOrDefault(s => Resolve(table, s) is null);
        if (unknown is not null)
        {
            throw new ODataException(400, "0x80060888", $"Could not find a property named '{unknown}' on type 'Microsoft.Dynamics.CRM.{table.Name}'.");
        }
    }

    private List<(ExpandOption Option, FieldSchema Lookup, TableSchema Target)> ResolveExpand(TableSchema table, IReadOnlyList<ExpandOption> expand) =>
        expand.Select(option =>
        {
            var lookup = table.FindField(option.Navigation);
            if (lookup?.Type != FieldType.Lookup)
            {
                throw new ODataException(400, "0x80060888", $"Could not find a navigation property named '{option.Navigation}' on type 'Microsoft.Dynamics.CRM.{table.Name}'; only single-valued lookups expand.");
            }

            var target = Store.Schema.GetTable(lookup.LookupTarget!);
            CheckSelect(target, option.Select);
            return (option, lookup, target);
        }).ToList();

    private List<(ExpandOption, FieldSchema, TableSchema, StoredRow?)> Expanded(
        List<(ExpandOption Option, FieldSchema Lookup, TableSchema Target)> expand,
        StoredRow row,
        Dictionary<(string, Guid), StoredRow?> cache)
    {
        var expanded = new List<(ExpandOption, FieldSchema, TableSchema, StoredRow?)>(expand.Count);
        foreach (var (option, lookup, target) in expand)
        {
            StoredRow? related = null;
            if (row.Values[lookup.Name] is Guid id && !cache.TryGetValue((target.Name, id), out related))
            {
                related = Store.FindBy(target, target.Key, [id]);
                cache[(target.Name, id)] = related;
            }

            expanded.Add((option, lookup, target, related));
        }

        return expanded;
    }
}
