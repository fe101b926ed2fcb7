using DualWrite.Core.Filtering;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Environments.Auth;
using DualWrite.Environments.Hosting;
using DualWrite.Environments.OData;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.FinOps;

/// <summary>
/// The F&amp;O OData service under <c>/data/</c>: data entities by public name, full keys in URLs, the caller's
/// default company unless <c>cross-company=true</c>, pages of at most 10,000, and the sync hook inside each
/// transaction.
/// </summary>
internal sealed class FinOpsService(EnvironmentStore store, SyncHookDispatcher hooks, FinOpsMetadata metadata, EnvironmentOptions options)
    : ODataService(store, options.WriteWait)
{
    public const string ServicePath = "/data/";
    private const int MaxPageSize = 10_000;
    private const string LegalEntities = "LegalEntities";

    public override int MaxBatchRequests => 5_000;

    protected override Task<ODataResponse> HandleAsync(ODataRequest request, WriteTransaction? transaction, CancellationToken cancellationToken)
    {
        if (request.Path == "$metadata" && request.Method == "GET")
        {
            return Task.FromResult(ODataResponse.Text(200, "application/xml", metadata.Csdl));
        }

        if (request.Path.Length == 0 && request.Method == "GET")
        {
            return Task.FromResult(ServiceDocument(request));
        }

        var path = ResourcePath.Parse(request.Path);
        var table = Store.Schema.FindByEntitySet(path.Name)
            ?? throw new ODataException(404, "NotFound", $"No HTTP resource was found that matches the request URI '{request.ServiceRoot}{request.Path}': there is no entity set '{path.Name}'.");
        if (request.Method != "GET" && !CanWrite(request.Caller))
        {
            throw new ODataException(403, "Forbidden", $"The principal {request.Caller} has no role that may change {table.EntitySet}.");
        }

        return Task.FromResult((request.Method, path.KeyText, path.Rest) switch
        {
            ("GET", null, []) => ReadCollection(request, table),
            ("GET", null, ["$count"]) => Count(request, table),
            ("GET", not null, []) => ReadOne(request, table, FindExisting(table, path.KeyText, null)),
            ("POST", null, []) => Create(request, table, RequireTransaction(transaction)),
            ("PATCH" or "PUT", not null, []) => Update(request, table, path.KeyText, RequireTransaction(transaction)),
            ("DELETE", not null, []) => Delete(request, table, path.KeyText, RequireTransaction(transaction)),
            _ => throw new ODataException(405, "MethodNotAllowed", $"{request.Method} is not supported on '{request.Path}'."),
        });
    }

    protected override Task BeforeCommitAsync(WriteTransaction transaction, CancellationToken cancellationToken) =>
        hooks.DispatchAsync(transaction, cancellationToken);

    private static bool CanWrite(Principal caller) =>
        caller.Roles.Contains(EnvironmentRoles.SystemAdministrator) || caller.Roles.Contains(EnvironmentRoles.ApplicationUser);

    private static string CompanyOf(Principal caller) => (caller.Company ?? "dat").ToLowerInvariant();

    private ODataResponse ReadCollection(ODataRequest request, TableSchema table)
    {
        var query = QueryOptions.Parse(request.Query);
        CheckSelect(table, query.Select);
        var page = CollectionReader.Read(Store, request, table, query, CompanyScope(request, table, query), table.FindField, MaxPageSize, MaxPageSize);
        return CollectionReader.Respond(request, table, page, (w, row) => FinOpsJson.WriteEntity(w, table, row, query.Select));
    }

    private ODataResponse Count(ODataRequest request, TableSchema table)
    {
        var query = QueryOptions.Parse(request.Query);
        var filter = AndExpression.Of(CompanyScope(request, table, query), query.Filter);
        var count = Store.Count(new RowQuery(table) { Filter = filter });
        return ODataResponse.Text(200, "text/plain", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Without <c>cross-company=true</c> a caller sees only its default company's rows.</summary>
    private static ComparisonExpression? CompanyScope(ODataRequest request, TableSchema table, QueryOptions query) =>
        table.CompanyField is { } company && !query.CrossCompany
            ? new ComparisonExpression(company, ComparisonOperator.Equal, new FilterLiteral(LiteralKind.String, CompanyOf(request.Caller)))
            : null;

    private static ODataResponse ReadOne(ODataRequest request, TableSchema table, StoredRow row)
    {
        var query = QueryOptions.Parse(request.Query);
        CheckSelect(table, query.Select);
        return Entity(200, request, table, row, query.Select, []);
    }

    private static ODataResponse Entity(int status, ODataRequest request, TableSchema table, StoredRow row, IReadOnlyList<string>? select, Dictionary<string, string> headers)
    {
        headers["Content-Type"] = ODataResponse.JsonContentType;
        headers["OData-Version"] = "4.0";
        headers["ETag"] = FinOpsJson.ETag(row);
        return new ODataResponse(status, headers, EntityBody(request, table, row, select));
    }

    private static byte[] EntityBody(ODataRequest request, TableSchema table, StoredRow row, IReadOnlyList<string>? select)
    {
        using var buffer = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            FinOpsJson.WriteEntity(w, table, row, select, $"{request.ServiceRoot}$metadata#{table.EntitySet}/$entity");
        }

        return buffer.ToArray();
    }

    private ODataResponse Create(ODataRequest request, TableSchema table, WriteTransaction transaction)
    {
        var values = FinOpsJson.ReadBody(table, request.Body);
        if (table.CompanyField is { } companyField)
        {
            var company = values.GetValueOrDefault(companyField) as string ?? CompanyOf(request.Caller);
            values[companyField] = company.ToLowerInvariant();
            RequireCompany(transaction, company);
        }

        var row = transaction.Insert(table, values);
        var location = EntityUrl(request, table, row.Values);
        return Entity(201, request, table, row, null, new() { ["Location"] = location, ["OData-EntityId"] = location });
    }

    private ODataResponse Update(ODataRequest request, TableSchema table, string keyText, WriteTransaction transaction)
    {
        var existing = FindExisting(table, keyText, transaction);
        CheckETag(request, existing);
        var changes = FinOpsJson.ReadBody(table, request.Body);
        foreach (var keyField in table.Key)
        {
            // A body may repeat the key; only a different value would be an attempt to change it.
            if (changes.TryGetValue(keyField, out var value) && value is string text && existing.Values[keyField] is string current
                && string.Equals(text, current, StringComparison.OrdinalIgnoreCase))
            {
                changes.Remove(keyField);
            }
        }

        var updated = transaction.Update(table, existing, changes);
        return ODataResponse.NoContent(new Dictionary<string, string>
        {
            ["OData-EntityId"] = EntityUrl(request, table, updated.Values),
            ["ETag"] = FinOpsJson.ETag(updated),
        });
    }

    private ODataResponse Delete(ODataRequest request, TableSchema table, string keyText, WriteTransaction transaction)
    {
        var existing = FindExisting(table, keyText, transaction);
        CheckETag(request, existing);
        transaction.Delete(table, existing);
        return ODataResponse.NoContent();
    }

    private StoredRow FindExisting(TableSchema table, string keyText, WriteTransaction? transaction)
    {
        var key = ParseKey(table, keyText);
        var values = key.Parts.Select(p => p.Value).ToArray();
        return (transaction is null ? Store.FindBy(table, table.Key, values) : transaction.FindBy(table, table.Key, values))
            ?? throw new ODataException(404, "NotFound", $"No {table.EntitySet} record with the key {key} was found.");
    }

    private static RowKey ParseKey(TableSchema table, string keyText)
    {
        var parts = KeySegment.Parse(keyText);
        if (parts.Count == 1 && parts[0].Name is null && table.Key.Count == 1)
        {
            parts = [(table.Key[0], parts[0].Value)];
        }

        var named = parts.Where(p => p.Name is not null).ToDictionary(p => p.Name!, p => p.Value, StringComparer.OrdinalIgnoreCase);
        if (named.Count != parts.Count || named.Count != table.Key.Count || table.Key.Any(k => !named.ContainsKey(k)))
        {
            throw new ODataException(400, "BadRequest", $"The key ({keyText}) must name every key field of {table.EntitySet}: {string.Join(", ", table.Key)}.");
        }

        return new RowKey(table.Key.Select(k =>
        {
            try
            {
                return new KeyValuePair<string, object?>(k, LiteralValues.ToClr(table.GetField(k), named[k]));
            }
            catch (FilterException e)
            {
                throw new ODataException(400, "BadRequest", $"The key ({keyText}) is not valid: {e.Message}.");
            }
        }).ToArray());
    }

    private static void CheckSelect(TableSchema table, IReadOnlyList<string>? select)
    {
        var unknown = select?.FirstOrDefault(s => s != "*" && table.FindField(s) is null);
        if (unknown is not null)
        {
            throw new ODataException(400, "BadRequest", $"Could not find a property named '{unknown}' on type 'Microsoft.Dynamics.DataEntities.{table.Name}' in $select.");
        }
    }

    private static void CheckETag(ODataRequest request, StoredRow existing)
    {
        var ifMatch = request.Header("If-Match");
        if (ifMatch is not null && ifMatch != "*" && ifMatch != FinOpsJson.ETag(existing))
        {
            throw new ODataException(412, "PreconditionFailed", $"The record has changed since it was read (ETag {FinOpsJson.ETag(existing)}, If-Match {ifMatch}).");
        }
    }

    private void RequireCompany(WriteTransaction transaction, string company)
    {
        var legalEntities = Store.Schema.FindTable(LegalEntities);
        if (legalEntities is not null && transaction.FindBy(legalEntities, legalEntities.Key, [company]) is null)
        {
            throw new ODataException(400, "BadRequest", $"The company '{company}' does not exist; create it in {LegalEntities} first.");
        }
    }

    private static string EntityUrl(ODataRequest request, TableSchema table, Row values) =>
        $"{request.ServiceRoot}{table.EntitySet}({WriteTransaction.KeyOf(table, values)})";
}
