using DualWrite.Connectors.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;

namespace DualWrite.Connectors.Dataverse;

public sealed partial class DataverseClient
{
    /// <summary>
    /// The rows of a table page by page, following <c>@odata.nextLink</c>, in lists of at most
    /// <see cref="DataverseQuery.PageSize"/> rows. Lookups come as the related row's <see cref="Guid"/> under their
    /// own name; expanded lookups as values named by path.
    /// </summary>
    public IAsyncEnumerable<IReadOnlyList<Row>> ReadPagesAsync(string table, DataverseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadRowsAsync(table, query, cancellationToken).Chunk(query.PageSize);
    }

    /// <summary>
    /// The rows of a table one by one as the service sends them, asking for pages of
    /// <see cref="DataverseQuery.PageSize"/> rows and following <c>@odata.nextLink</c>. Only the row being read is
    /// held, not its page, so memory stays small whatever the number of rows and the page size.
    /// </summary>
    public async IAsyncEnumerable<Row> ReadRowsAsync(string table, DataverseQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var read = Table(table);
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > DataverseQuery.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, $"a page holds 1 to {DataverseQuery.MaxPageSize} rows");
        }

        var expand = ExpandPlan.Of(schema, read, query.Expand);
        var headers = new Dictionary<string, string> { ["Prefer"] = $"odata.maxpagesize={query.PageSize}" };
        var doing = query.Filter is null ? $"Reading {read.Name}" : $"Reading {read.Name} where {query.Filter}";
        string? url = QueryUrl.Of(read, query, expand);
        while (url is not null)
        {
            await using var page = await Failing(doing, () => transport.GetCollectionAsync(url, headers, cancellationToken));
            while (await Failing(doing, () => page.ReadAsync(cancellationToken)) is { } entity)
            {
                using (entity)
                {
                    yield return DataverseRowReader.Read(read, entity.RootElement, expand);
                }
            }

            url = page.NextLink;
        }
    }

    /// <summary>The row with this id or alternate key, or null when there is none.</summary>
    public Task<Row?> ReadAsync(string table, DataverseKey key, CancellationToken cancellationToken) =>
        ReadAsync(table, key, [], cancellationToken);

    /// <summary>The row with this id or alternate key, its lookups expanded as in <see cref="DataverseQuery.Expand"/>, or null when there is none.</summary>
    public async Task<Row?> ReadAsync(string table, DataverseKey key, IReadOnlyList<string> expand, CancellationToken cancellationToken)
    {
        var read = Table(table);
        ArgumentNullException.ThrowIfNull(key);
        var plan = ExpandPlan.Of(schema, read, expand);
        var url = RowUrls.Of(read, key) + (plan.QueryText is { } text ? "?$expand=" + Uri.EscapeDataString(text) : string.Empty);
        try
        {
            using var entity = await transport.GetJsonOrNullAsync(url, null, cancellationToken);
            return entity is null ? null : DataverseRowReader.Read(read, entity.RootElement, plan);
        }
        catch (ConnectorException e)
        {
            throw Failure($"Reading {read.Name} {key}", e);
        }
    }

    /// <summary>
    /// The id of the row whose columns have these values (lookups as the related row's <see cref="Guid"/>), or null
    /// when there is none; more than one is a failure, since the values are meant to be a key.
    /// </summary>
    public async Task<Guid?> FindIdAsync(string table, IReadOnlyDictionary<string, object?> keyValues, CancellationToken cancellationToken)
    {
        var ids = await FindIdsAsync(table, keyValues, 2, cancellationToken);
        return ids.Count switch
        {
            0 => null,
            1 => ids[0],
            _ => throw new ConnectorException($"{table} has more than one row where {Condition(Table(table), keyValues)}, so they do not identify one row."),
        };
    }

    private async Task<List<Guid>> FindIdsAsync(string table, IReadOnlyDictionary<string, object?> keyValues, int top, CancellationToken cancellationToken)
    {
        var read = Table(table);
        ArgumentNullException.ThrowIfNull(keyValues);
        if (keyValues.Count == 0)
        {
            throw new ArgumentException($"{read.Name}: finding a row needs at least one column value", nameof(keyValues));
        }

        var condition = Condition(read, keyValues);
        var url = $"{read.EntitySet}?$select={read.PrimaryIdField}&$filter={Uri.EscapeDataString(condition)}&$top={top}";
        using var page = await GetAsync(url, null, $"Finding {read.Name} where {condition}", cancellationToken);
        var idField = read.GetField(read.PrimaryIdField!);
        return Values(page, read).Select(e => e.TryGetProperty(idField.Name, out var id) && id.TryGetGuid(out var guid)
            ? guid
            : throw new ConnectorException($"Finding {read.Name} where {condition}: a row came back without its {idField.Name}.")).ToList();
    }

    private static string Condition(TableSchema table, IReadOnlyDictionary<string, object?> values) =>
        string.Join(" and ", values.Select(v =>
        {
            var field = ColumnNames.Field(table, v.Key);
            return field.Type == FieldType.Lookup && v.Value is not Guid and not null
                ? throw new ArgumentException($"{table.Name}: the lookup '{field.Name}' is matched by the related row's Guid, not '{v.Value}'", nameof(values))
                : $"{ColumnNames.JsonName(table, field.Name)} eq {ODataLiteral.Format(v.Value)}";
        }));

    private Task<JsonDocument> GetAsync(string url, IReadOnlyDictionary<string, string>? headers, string doing, CancellationToken cancellationToken) =>
        Failing(doing, () => transport.GetJsonAsync(url, headers, cancellationToken));

    private static async Task<T> Failing<T>(string doing, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (ConnectorException e)
        {
            throw Failure(doing, e);
        }
    }

    private static JsonElement.ArrayEnumerator Values(JsonDocument page, TableSchema table) =>
        page.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new ConnectorException($"Reading {table.Name}: the answer is not a collection (it has no \"value\" array).");
}
