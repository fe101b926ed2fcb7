using System.Globalization;
using DualWrite.Core.Filtering;

namespace DualWrite.Environments.OData;

/// <summary>The system query options of a GET, checked: a malformed option is a 400 that names it.</summary>
internal sealed record QueryOptions
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "$select", "$filter", "$orderby", "$top", "$skip", "$count", "$expand", "$skiptoken", "$deltatoken", "cross-company", "$format",
    };

    public IReadOnlyList<string>? Select { get; init; }

    public FilterExpression? Filter { get; init; }

    public IReadOnlyList<OrderByOption> OrderBy { get; init; } = [];

    public int? Top { get; init; }

    public int Skip { get; init; }

    public bool Count { get; init; }

    public IReadOnlyList<ExpandOption> Expand { get; init; } = [];

    public string? SkipToken { get; init; }

    public string? DeltaToken { get; init; }

    public bool CrossCompany { get; init; }

    public static QueryOptions Parse(IReadOnlyDictionary<string, string> query)
    {
        foreach (var name in query.Keys.Where(k => k.StartsWith('$') && !Known.Contains(k)))
        {
            throw BadRequest($"The query parameter '{name}' is not supported.");
        }

        return new QueryOptions
        {
            Select = query.TryGetValue("$select", out var select) ? SplitList(select) : null,
            Filter = query.TryGetValue("$filter", out var filter) ? ParseFilter(filter) : null,
            OrderBy = query.TryGetValue("$orderby", out var orderBy) ? ParseOrderBy(orderBy) : [],
            Top = query.TryGetValue("$top", out var top) ? NonNegative("$top", top) : null,
            Skip = query.TryGetValue("$skip", out var skip) ? NonNegative("$skip", skip) : 0,
            Count = query.TryGetValue("$count", out var count) && ParseBool("$count", count),
            Expand = query.TryGetValue("$expand", out var expand) ? ParseExpand(expand) : [],
            SkipToken = query.GetValueOrDefault("$skiptoken"),
            DeltaToken = query.GetValueOrDefault("$deltatoken"),
            CrossCompany = query.TryGetValue("cross-company", out var cross) && ParseBool("cross-company", cross),
        };
    }

    private static ODataException BadRequest(string message) => new(400, "0x80060888", message);

    private static FilterExpression ParseFilter(string filter)
    {
        try
        {
            return ODataFilterParser.Parse(filter);
        }
        catch (FilterParseException e)
        {
            throw BadRequest($"Invalid $filter: {e.Message}");
        }
    }

    private static List<string> SplitList(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static List<OrderByOption> ParseOrderBy(string text) =>
        SplitList(text).Select(item =>
        {
            var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words switch
            {
                [var field] => new OrderByOption(field, false),
                [var field, var direction] when direction.Equals("asc", StringComparison.OrdinalIgnoreCase) => new OrderByOption(field, false),
                [var field, var direction] when direction.Equals("desc", StringComparison.OrdinalIgnoreCase) => new OrderByOption(field, true),
                _ => throw BadRequest($"Invalid $orderby item '{item}': expected a field name, optionally followed by asc or desc."),
            };
        }).ToList();

    private static int NonNegative(string option, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw BadRequest($"Invalid {option} value '{text}': expected a non-negative integer.");

    private static bool ParseBool(string option, string text) =>
        bool.TryParse(text, out var value) ? value : throw BadRequest($"Invalid {option} value '{text}': expected true or false.");

    /// <summary><c>a($select=x,y),b</c>: items split at commas outside parentheses; inside, only <c>$select</c>.</summary>
    private static List<ExpandOption> ParseExpand(string text)
    {
        var items = new List<ExpandOption>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '(')
            {
                depth++;
            }
            else if (i < text.Length && text[i] == ')')
            {
                depth--;
            }
            else if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                var item = text[start..i].Trim();
                start = i + 1;
                if (item.Length > 0)
                {
                    items.Add(ParseExpandItem(item));
                }
            }
        }

        return depth == 0 ? items : throw BadRequest($"Invalid $expand '{text}': unbalanced parentheses.");
    }

    private static ExpandOption ParseExpandItem(string item)
    {
        var open = item.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return new ExpandOption(item, null);
        }

        var inner = item[(open + 1)..^1].Trim();
        const string prefix = "$select=";
        return inner.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !inner.Contains(';', StringComparison.Ordinal)
            ? new ExpandOption(item[..open].Trim(), SplitList(inner[prefix.Length..]))
            : throw BadRequest($"Invalid $expand item '{item}': only $select is supported inside an expansion.");
    }
}
