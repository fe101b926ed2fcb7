using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DualWrite.Environments.Storage;

/// <summary>The values of one statement, each bound as a numbered parameter.</summary>
internal sealed class SqlParameters
{
    private readonly List<object?> values = [];

    public string Add(object? value)
    {
        values.Add(value);
        return "$p" + (values.Count - 1).ToString(CultureInfo.InvariantCulture);
    }

    public void BindTo(SqliteCommand command)
    {
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters.AddWithValue("$p" + i.ToString(CultureInfo.InvariantCulture), values[i] ?? DBNull.Value);
        }
    }
}
