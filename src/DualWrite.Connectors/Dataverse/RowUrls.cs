using DualWrite.Connectors.Http;
using DualWrite.Core.Schema;

namespace DualWrite.Connectors.Dataverse;

/// <summary>Addresses of rows: <c>accounts(id)</c>, <c>accounts(accountnumber='A1',_msdyn_company_value=id)</c>, and back.</summary>
internal static class RowUrls
{
    /// <summary>The row's address below the service root, escaped for a URL.</summary>
    public static string Of(TableSchema table, DataverseKey key)
    {
        if (key.Id is { } id)
        {
            return $"{table.EntitySet}({id:D})";
        }

        var parts = key.Values.Select(v =>
        {
            var field = ColumnNames.Field(table, v.Key);
            if (field.Type == FieldType.Lookup && v.Value is not Guid and not null)
            {
                throw new ArgumentException($"{table.Name}: the key column '{field.Name}' is a lookup and takes the related row's Guid, not '{v.Value}'", nameof(key));
            }

            return $"{ColumnNames.JsonName(table, field.Name)}={ODataLiteral.Escaped(v.Value)}";
        });
        return $"{table.EntitySet}({string.Join(",", parts)})";
    }

    /// <summary>The value of <c>name@odata.bind</c>: <c>/cdm_companies(id)</c>.</summary>
    public static string Bind(TableSchema target, Guid id) => $"/{target.EntitySet}({id:D})";

    /// <summary>The id in an <c>OData-EntityId</c> such as <c>https://org/api/data/v9.2/accounts(3f2…)</c>, or null.</summary>
    public static Guid? IdOf(string? entityId)
    {
        if (string.IsNullOrEmpty(entityId) || !entityId.EndsWith(')'))
        {
            return null;
        }

        var open = entityId.LastIndexOf('(');
        return open >= 0 && Guid.TryParse(entityId.AsSpan(open + 1, entityId.Length - open - 2), out var id) ? id : null;
    }
}
