using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DualWrite.Environments.Storage;

/// <summary>The values of one statement, each bound as a numbered parameter.</summary>
internal sealed class SqlParameters
{
    private readonly List<object?> values;

    public SqlParameters(int capacity = 4) => values = new List<object?>(capacity);

    public string Add(object? value)
    {
        values.Add(value);
        return Name(values.Count - 1);
    }

    public void BindTo(SqliteCommand command)
    {
        // A kept command already holds its parameters ($p0, $p1, … in order, as the same text always has):
        // setting their values spares a new parameter object and name for every value of every row.
        var bound = command.Parameters;
        if (bound.Count == values.Count)
        {
            for (var i = 0; i < values.Count; i++)
            {
                bound[i].Value = values[i] ?? DBNull.Value;
            }

            return;
        }

        bound.Clear();
        for (var i = 0; i < values.Count; i++)
        {
            bound.AddWithValue(Name(i), values[i] ?? DBNull.Value);
        }
    }

    private static string Name(int index) => "$p" + index.ToString(CultureInfo.InvariantCulture);
}
