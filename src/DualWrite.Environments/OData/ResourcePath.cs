namespace DualWrite.Environments.OData;

/// <summary>
/// A resource path split into its first segment (<c>accounts</c>), that segment's key text if any
/// (<c>accountnumber='A1',_msdyn_company_value=…</c>) and the segments after it (<c>$count</c>, <c>Attributes</c>).
/// </summary>
internal sealed record ResourcePath(string Name, string? KeyText, IReadOnlyList<string> Rest)
{
    public static ResourcePath Parse(string path)
    {
        var trimmed = path.Trim('/');
        var open = trimmed.IndexOf('(', StringComparison.Ordinal);
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (open < 0 || (slash >= 0 && slash < open))
        {
            var parts = trimmed.Split('/');
            return new ResourcePath(parts[0], null, parts[1..]);
        }

        var close = FindClose(trimmed, open);
        if (close < 0)
        {
            throw new ODataException(400, "0x80060888", $"Bad Request - Error in query syntax: the key in '{path}' has no closing parenthesis.");
        }

        var rest = trimmed[(close + 1)..].Trim('/');
        return new ResourcePath(trimmed[..open], trimmed[(open + 1)..close], rest.Length == 0 ? [] : rest.Split('/'));
    }

    /// <summary>The closing parenthesis of the key, skipping any inside quoted values.</summary>
    private static int FindClose(string text, int open)
    {
        var quoted = false;
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                quoted = !quoted;
            }
            else if (text[i] == ')' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }
}
