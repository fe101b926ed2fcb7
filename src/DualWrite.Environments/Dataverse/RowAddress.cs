using DualWrite.Core.Filtering;
using DualWrite.Core.Schema;
using DualWrite.Environments.OData;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Dataverse;

/// <summary>
/// Which row a key in a URL or a binding names: <c>(guid)</c> by id, or <c>(accountnumber='A1',_msdyn_company_value=guid)</c>
/// by one of the table's alternate keys.
/// </summary>
/// <param name="Table">The table.</param>
/// <param name="Fields">The key fields, in the order of the key they match.</param>
/// <param name="Values">Their values.</param>
internal sealed record RowAddress(TableSchema Table, IReadOnlyList<string> Fields, IReadOnlyList<object?> Values)
{
    public bool IsById => Fields.Count == 1 && Fields[0] == Table.PrimaryIdField;

    public static RowAddress Parse(TableSchema table, string keyText)
    {
        var parts = KeySegment.Parse(keyText);
        if (parts is [{ Name: null } only])
        {
            return new RowAddress(table, [table.PrimaryIdField!], [Convert(table, table.GetField(table.PrimaryIdField!), only.Value, keyText)]);
        }

        var named = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, literal) in parts)
        {
            var field = name is null ? null : DataverseFields.Resolve(table, name) ?? table.FindField(name);
            if (field is null)
            {
                throw new ODataException(400, "0x80060888", $"The key ({keyText}) names '{name}', which is not a column of {table.Name}.");
            }

            named[field.Name] = Convert(table, field, literal, keyText);
        }

        if (named.Count == 1 && named.TryGetValue(table.PrimaryIdField!, out var id))
        {
            return new RowAddress(table, [table.PrimaryIdField!], [id]);
        }

        var key = table.AlternateKeys.FirstOrDefault(k => k.Fields.Count == named.Count && k.Fields.All(named.ContainsKey))
            ?? throw new ODataException(
                400,
                "0x80060888",
                $"The key ({keyText}) does not match the id or an alternate key of {table.Name} ({string.Join("; ", table.AlternateKeys.Select(k => $"{k.Name}: {string.Join(", ", k.Fields)}"))}).");
        return new RowAddress(table, key.Fields, key.Fields.Select(f => named[f]).ToArray());
    }

    public StoredRow? Find(EnvironmentStore store, WriteTransaction? transaction) =>
        transaction is null ? store.FindBy(Table, Fields, Values) : transaction.FindBy(Table, Fields, Values);

    public override string ToString() =>
        IsById ? $"{Table.EntitySet}({Values[0]})" : $"{Table.EntitySet}({string.Join(",", Fields.Select((f, i) => $"{f}={Values[i]}"))})";

    private static object? Convert(TableSchema table, FieldSchema field, FilterLiteral literal, string keyText)
    {
        try
        {
            return LiteralValues.ToClr(field, literal);
        }
        catch (FilterException e)
        {
            throw new ODataException(400, "0x80060888", $"The key ({keyText}) of {table.EntitySet} is not valid: {e.Message}.");
        }
    }
}
