using DualWrite.Core.Schema;

namespace DualWrite.Connectors.Dataverse;

/// <summary>The URL of a collection read: <c>accounts?$select=…&amp;$filter=…&amp;$orderby=…&amp;$expand=…</c>.</summary>
internal static class QueryUrl
{
    public static string Of(TableSchema table, DataverseQuery query, ExpandPlan expand)
    {
        var options = new List<string>();
        if (query.Select is { } select)
        {
            var names = select.Select(c => ColumnNames.JsonName(table, c)).Prepend(table.PrimaryIdField!).Distinct(StringComparer.OrdinalIgnoreCase);
            options.Add("$select=" + Uri.EscapeDataString(string.Join(",", names)));
        }

        if (!string.IsNullOrWhiteSpace(query.Filter))
        {
            options.Add("$filter=" + Uri.EscapeDataString(query.Filter));
        }

        options.Add("$orderby=" + Uri.EscapeDataString(string.Join(",", OrderBy(table, query.OrderBy))));
        if (expand.QueryText is { } expandText)
        {
            options.Add("$expand=" + Uri.EscapeDataString(expandText));
        }

        return $"{table.EntitySet}?{string.Join("&", options)}";
    }

    /// <summary>The order asked for, then the primary id, so that rows equal in every other column still come once each.</summary>
    private static List<string> OrderBy(TableSchema table, IReadOnlyList<string>? orderBy)
    {
        var items = new List<string>();
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in orderBy ?? [])
        {
            var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var descending = words switch
            {
                [_] => false,
                [_, var direction] when direction.Equals("asc", StringComparison.OrdinalIgnoreCase) => false,
                [_, var direction] when direction.Equals("desc", StringComparison.OrdinalIgnoreCase) => true,
                _ => throw new ArgumentException($"'{item}' is not a column name optionally followed by asc or desc", nameof(orderBy)),
            };
            var name = ColumnNames.JsonName(table, words[0]);
            if (columns.Add(name))
            {
                items.Add(descending ? name + " desc" : name);
            }
        }

        if (columns.Add(table.PrimaryIdField!))
        {
            items.Add(table.PrimaryIdField!);
        }

        return items;
    }
}
