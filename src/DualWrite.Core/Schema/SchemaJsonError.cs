using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DualWrite.Core.Schema;

/// <summary>
/// Restates a serializer error as <c>line N, position P (json path): reason</c>, in the terms of the schema file
/// rather than of the classes it is read into.
/// </summary>
internal static class SchemaJsonError
{
    public static string Describe(JsonException error, string json, JsonTypeInfo document)
    {
        var line = (int)Math.Max(error.LineNumber ?? 0, 0);
        var position = CharacterPosition(json, line, (int)Math.Max(error.BytePositionInLine ?? 0, 0));
        var path = error.Path ?? "$";
        return $"line {line + 1}, position {position + 1} ({path}): {Reason(error, path, document)}";
    }

    private static string Reason(JsonException error, string path, JsonTypeInfo document)
    {
        // The reader's complaints about syntax are already in plain words; only their location suffix needs to go.
        if (error.InnerException is JsonException syntax)
        {
            return WithoutLocation(syntax.Message);
        }

        // The serializer names the class it was filling, so the expected value is worked out from the path instead.
        var segments = Segments(path);
        var expected = document;
        foreach (var segment in segments)
        {
            if (expected.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary && expected.ElementType is { } element)
            {
                expected = document.Options.GetTypeInfo(element);
            }
            else if (expected.Kind == JsonTypeInfoKind.Object)
            {
                var property = expected.Properties.FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase));
                if (property is null)
                {
                    return $"unknown property '{segment}'";
                }

                expected = document.Options.GetTypeInfo(property.PropertyType);
            }
        }

        // Duplicates are told apart only by message: the serializer throws the same exception type for every problem.
        if (error.Message.StartsWith("Duplicate ", StringComparison.Ordinal))
        {
            return $"property '{segments.LastOrDefault() ?? "?"}' is given twice";
        }

        return $"expected {KindOf(expected)}";
    }

    private static string KindOf(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Object => "an object",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(int) => "a whole number",
            _ when type == typeof(bool) => "true or false",
            _ => "a value of another kind",
        };
    }

    // Paths look like $.tables[0].fields[2].name, with ['...'] around names that hold dots, brackets or spaces.
    private static List<string> Segments(string path)
    {
        var segments = new List<string>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end + 1;
            }
        }

        return segments;
    }

    private static string WithoutLocation(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = QuotingOnlyTheToken(end < 0 ? message : message[..end]);
        return string.Join(' ', reason.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    // A bad literal is quoted with everything after it to the end of the text, which can be the rest of the file.
    private static string QuotingOnlyTheToken(string reason)
    {
        var quoteEnd = reason.LastIndexOf("' is ", StringComparison.Ordinal);
        if (!reason.StartsWith('\'') || quoteEnd <= 1)
        {
            return reason;
        }

        var tokenEnd = reason.IndexOfAny([' ', '\t', '\r', '\n', ',', ']', '}'], 1);
        return tokenEnd <= 1 || tokenEnd >= quoteEnd ? reason : $"'{reason[1..tokenEnd]}{reason[quoteEnd..]}";
    }

    // The reader counts bytes of UTF-8, which runs ahead of the column an editor shows once a line holds é or ü.
    private static int CharacterPosition(string json, int line, int bytePosition)
    {
        var start = 0;
        for (var n = 0; n < line; n++)
        {
            var newline = json.IndexOf('\n', start);
            if (newline < 0)
            {
                return bytePosition;
            }

            start = newline + 1;
        }

        var lineEnd = json.IndexOf('\n', start);
        var bytes = Encoding.UTF8.GetBytes(json[start..(lineEnd < 0 ? json.Length : lineEnd)]);
        return Encoding.UTF8.GetCharCount(bytes, 0, Math.Min(bytePosition, bytes.Length));
    }
}
