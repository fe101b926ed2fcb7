using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Rows;

namespace DualWrite.Connectors.Tests.Dataverse;

/// <summary>Accounts to write and read in tests, by account number and company.</summary>
internal static class Accounts
{
    public static DataverseKey Key(string number, Guid company) =>
        DataverseKey.ByAlternateKey(("accountnumber", number), ("msdyn_company", company));

    public static DataverseWrite Upsert(string number, Guid company, string name, params (string Column, object? Value)[] values) =>
        new("account", DataverseOperation.Upsert, Key(number, company), Row(name, values));

    public static DataverseWrite Create(string number, string name, params (string Column, object? Value)[] values)
    {
        var row = Row(name, values);
        row["accountnumber"] = number;
        return new DataverseWrite("account", DataverseOperation.Create, Values: row);
    }

    public static async Task<List<Row>> ReadAllAsync(DataverseClient client, string table, DataverseQuery query)
    {
        var rows = new List<Row>();
        await foreach (var page in client.ReadPagesAsync(table, query, CancellationToken.None))
        {
            rows.AddRange(page);
        }

        return rows;
    }

    public static async Task<IReadOnlyList<DataverseWriteOutcome>> WriteAllAsync(DataverseClient client, IReadOnlyList<DataverseWrite> writes, bool atomic)
    {
        var outcomes = await client.WriteAsync(writes, atomic, CancellationToken.None);
        Assert.All(outcomes, o => Assert.True(o.Success, o.Message));
        return outcomes;
    }

    private static Row Row(string name, (string Column, object? Value)[] values)
    {
        var row = new Row { ["name"] = name };
        foreach (var (column, value) in values)
        {
            row[column] = value;
        }

        return row;
    }
}
