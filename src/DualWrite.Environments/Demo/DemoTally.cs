using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Demo;

/// <summary>Inserts demo rows and counts them per table, for the summary a seed returns.</summary>
internal sealed class DemoTally
{
    private readonly Dictionary<string, int> rows = new(StringComparer.OrdinalIgnoreCase);

    public StoredRow Insert(WriteTransaction transaction, TableSchema table, Row values, Row? composed = null)
    {
        var stored = transaction.Insert(table, values, composed);
        rows[table.Name] = rows.GetValueOrDefault(table.Name) + 1;
        return stored;
    }

    public DemoDataSummary ToSummary(EnvironmentSchema schema) =>
        new(
            schema.Environment,
            schema.Tables.Where(t => rows.ContainsKey(t.Name)).Select(t => new DemoTableCount(t.Name, rows[t.Name])).ToArray());
}
