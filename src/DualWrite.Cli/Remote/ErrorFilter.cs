using System.Globalization;
using System.Text;

namespace DualWrite.Cli.Remote;

/// <summary>What the error log is searched by; unset parts do not narrow it.</summary>
internal sealed record ErrorFilter(string? Map, string? Key, IReadOnlyList<string> Types, DateTimeOffset? From, int Limit)
{
    public string QueryString()
    {
        var query = new StringBuilder("?limit=").Append(Limit.ToString(CultureInfo.InvariantCulture));
        Add(query, "map", Map);
        Add(query, "key", Key);
        Add(query, "from", From?.ToString("O", CultureInfo.InvariantCulture));
        foreach (var type in Types)
        {
            Add(query, "type", type);
        }

        return query.ToString();
    }

    private static void Add(StringBuilder query, string name, string? value)
    {
        if (value is not null)
        {
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
