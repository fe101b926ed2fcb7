using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Environments.OData;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Dataverse;

internal sealed partial class DataverseService
{
    private async Task<ODataResponse> CreateAsync(ODataRequest request, TableSchema table, WriteTransaction transaction, CancellationToken cancellationToken)
    {
        var values = ReadBody(request, table, transaction);
        return await InsertAsync(request, table, values, transaction, cancellationToken);
    }

    /// <summary>
    /// PATCH by id or alternate key: update when the row exists, create it (with the key's values) when not.
    /// <c>If-Match: *</c> allows only the update, <c>If-None-Match: *</c> only the create.
    /// </summary>
    private async Task<ODataResponse> UpsertAsync(ODataRequest request, TableSchema table, string keyText, WriteTransaction transaction, CancellationToken cancellationToken)
    {
        var address = RowAddress.Parse(table, keyText);
        var existing = address.Find(Store, transaction);
        var ifMatch = request.Header("If-Match");
        if (existing is not null && request.Header("If-None-Match") == "*")
        {
            throw new ODataException(412, "0x80040237", $"A record with matching key values already exists ({address}).");
        }

        if (existing is null && ifMatch is not null)
        {
            throw NotFound(address);
        }

        if (existing is not null && ifMatch is not null && ifMatch != "*" && ifMatch != DataverseJson.ETag(existing))
        {
            throw VersionMismatch(ifMatch, existing);
        }

        var values = ReadBody(request, table, transaction);
        var (row, created) = await UpsertRowAsync(table, address, existing, values, transaction, cancellationToken);
        return Written(request, table, row, created);
    }

    /// <summary>The upsert itself: the row created with its key's values when missing, updated when there.</summary>
    private async Task<(StoredRow Row, bool Created)> UpsertRowAsync(
        TableSchema table, RowAddress address, StoredRow? existing, Row values, WriteTransaction transaction, CancellationToken cancellationToken)
    {
        if (existing is null)
        {
            for (var i = 0; i < address.Fields.Count; i++)
            {
                values[address.Fields[i]] = address.Values[i];
            }

            return (await InsertRowAsync(table, values, transaction, cancellationToken), true);
        }

        foreach (var field in address.Fields.Append(table.PrimaryIdField!))
        {
            // A body may repeat the row's own key; only a different value is a change the key refuses.
            if (values.TryGetValue(field, out var value) && SameKeyValue(value, existing.Values[field]))
            {
                values.Remove(field);
            }
        }

        var composed = ComposedColumns.For(table, values, existing.Values);
        var updated = transaction.Update(table, existing, values, composed);
        await webhooks.OnOperationAsync(transaction, "Update", table, WithId(table, ComposedColumns.With(values, composed), updated), updated, existing, cancellationToken);
        return (updated, false);
    }

    /// <summary>DELETE by id or alternate key; an <c>If-Match</c> ETag deletes only the version it names.</summary>
    private async Task<ODataResponse> DeleteAsync(ODataRequest request, TableSchema table, string keyText, WriteTransaction transaction, CancellationToken cancellationToken)
    {
        var address = RowAddress.Parse(table, keyText);
        var existing = address.Find(Store, transaction) ?? throw NotFound(address);
        if (request.Header("If-Match") is { } ifMatch && ifMatch != "*" && ifMatch != DataverseJson.ETag(existing))
        {
            throw VersionMismatch(ifMatch, existing);
        }

        transaction.Delete(table, existing);
        await webhooks.OnOperationAsync(transaction, "Delete", table, new Row(), existing, existing, cancellationToken);
        return ODataResponse.NoContent();
    }

    private async Task<ODataResponse> InsertAsync(ODataRequest request, TableSchema table, Row values, WriteTransaction transaction, CancellationToken cancellationToken) =>
        Written(request, table, await InsertRowAsync(table, values, transaction, cancellationToken), created: true);

    private async Task<StoredRow> InsertRowAsync(TableSchema table, Row values, WriteTransaction transaction, CancellationToken cancellationToken)
    {
        var idField = table.PrimaryIdField!;
        if (values.GetValueOrDefault(idField) is null)
        {
            values[idField] = Guid.NewGuid();
        }

        var composed = ComposedColumns.For(table, values, null);
        var created = transaction.Insert(table, values, composed);
        await webhooks.OnOperationAsync(transaction, "Create", table, ComposedColumns.With(values, composed), created, null, cancellationToken);
        return created;
    }

    /// <summary>204 with the row's address, or the row itself when the caller prefers <c>return=representation</c>.</summary>
    private static ODataResponse Written(ODataRequest request, TableSchema table, StoredRow row, bool created)
    {
        var entityId = $"{request.ServiceRoot}{table.EntitySet}({row.Values[table.PrimaryIdField!]})";
        if (request.Preference("return") == "representation")
        {
            var query = QueryOptions.Parse(request.Query);
            CheckSelect(table, query.Select);
            return Entity(created ? 201 : 200, request, table, row, query.Select, [], new() { ["OData-EntityId"] = entityId, ["Location"] = entityId });
        }

        return ODataResponse.NoContent(new Dictionary<string, string> { ["OData-EntityId"] = entityId, ["ETag"] = DataverseJson.ETag(row) });
    }

    private Row ReadBody(ODataRequest request, TableSchema table, WriteTransaction transaction) =>
        DataverseJson.ReadBody(table, request.Body, (lookup, address) => Bind(request, lookup, address, transaction));

    /// <summary>The id of the row a binding names: <c>/cdm_companies(id)</c>, an alternate key, or a change set's <c>$n</c>.</summary>
    private Guid Bind(ODataRequest request, FieldSchema lookup, string address, WriteTransaction transaction)
    {
        if (address.StartsWith('$'))
        {
            address = request.ContentIds.TryGetValue(address[1..], out var entity)
                ? entity
                : throw new ODataException(400, "0x80048d19", $"'{lookup.Name}@odata.bind' refers to {address}, which no earlier request of the change set has as Content-ID.");
        }

        var target = Store.Schema.GetTable(lookup.LookupTarget!);
        var path = ResourcePath.Parse(ServiceAddress.Split(address, ServicePath).Path);
        if (!string.Equals(path.Name, target.EntitySet, StringComparison.OrdinalIgnoreCase) || path.KeyText is null)
        {
            throw new ODataException(400, "0x80048d19", $"'{lookup.Name}@odata.bind' must address a row of {target.EntitySet}, such as /{target.EntitySet}(<id>); got '{address}'.");
        }

        var related = RowAddress.Parse(target, path.KeyText);
        if (related.IsById && related.Values[0] is Guid id && target.Key is [var key] && key == target.PrimaryIdField)
        {
            // By id, only whether the row is there matters; the transaction remembers the rows it has found.
            return transaction.Exists(target, id) ? id : throw RelatedMissing(lookup, related);
        }

        var row = related.Find(Store, transaction) ?? throw RelatedMissing(lookup, related);
        return (Guid)row.Values[target.PrimaryIdField!]!;
    }

    private static ODataException RelatedMissing(FieldSchema lookup, RowAddress related) =>
        new(400, "0x80040217", $"{lookup.Name}: the related row {related} does not exist.");

    private static ODataException VersionMismatch(string ifMatch, StoredRow existing) =>
        new(412, "0x80060882", $"The version of the existing record doesn't match the RowVersion property provided ({ifMatch}; the record is at {DataverseJson.ETag(existing)}).");

    private static bool SameKeyValue(object? a, object? b) =>
        a is string x && b is string y ? string.Equals(x, y, StringComparison.OrdinalIgnoreCase) : Equals(a, b);

    /// <summary>The Target of an execution context always carries the row's id.</summary>
    private static Row WithId(TableSchema table, Row values, StoredRow row) =>
        new(values.Append(new KeyValuePair<string, object?>(table.PrimaryIdField!, row.Values[table.PrimaryIdField!])));
}
