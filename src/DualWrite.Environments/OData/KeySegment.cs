using System.Text;
using DualWrite.Core.Filtering;

namespace DualWrite.Environments.OData;

/// <summary>The values of a key in a URL: <c>(guid)</c>, <c>('A1')</c> or <c>(name='A1',other=5)</c>.</summary>
internal static class KeySegment
{
    /// <returns>Each part's name (null when the key is written without one) and value.</returns>
    public static IReadOnlyList<(string? Name, FilterLiteral Value)> Parse(string keyText)
    {
        var parts = new List<(string?, FilterLiteral)>();
        foreach (var part in SplitOutsideQuotes(keyText))
        {
            var equals = IndexOfOutsideQuotes(part, '=');
            var name = equals < 0 ? null : part[..equals].Trim();
            var literalText = (equals < 0 ? part : part[(equals + 1)..]).Trim();
            parts.Add((name, ParseLiteral(keyText, literalText)));
        }

        return parts;
    }

    /// <summary>A key value is written exactly as a filter literal is, so the filter grammar reads it.</summary>
    private static FilterLiteral ParseLiteral(string keyText, string literalText)
    {
        try
        {
            if (ODataFilterParser.Parse("k eq " + literalText) is ComparisonExpression { Field: "k" } comparison)
            {
                return comparison.Value;
            }
        }
        catch (FilterParseException)
        {
            // Reported below with the key as the user wrote it.
        }

        throw new ODataException(400, "0x80060888", $"Bad Request - Error in query syntax: '{literalText}' in the key ({keyText}) is not a valid value.");
    }

    private static List<string> SplitOutsideQuotes(string text)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '\'')
            {
                quoted = !quoted;
            }

            if (c == ',' && !quoted)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        return parts;
    }

    private static int IndexOfOutsideQuotes(string text, char wanted)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                quoted = !quoted;
            }
            else if (text[i] == wanted && !quoted)
            {
                return i;
            }
        }

        return -1;
    }
}
