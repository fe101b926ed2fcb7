using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DualWrite.Core.Maps;

/// <summary>Writes a solution file in the format <see cref="SolutionReader"/> reads.</summary>
public static class SolutionWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // A person reads and edits this file: filters keep their quotes and angle brackets as written.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Solution solution)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("name", solution.Name);
            w.WriteString("publisher", solution.Publisher);
            w.WriteString("version", solution.Version.ToString());
            if (solution.Description is not null)
            {
                w.WriteString("description", solution.Description);
            }

            w.WriteStartArray("maps");
            foreach (var map in solution.Maps)
            {
                WriteMap(w, map);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>One map as it appears in a solution file's <c>maps</c> list.</summary>
    public static string Write(TableMap map)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            WriteMap(w, map);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteMap(Utf8JsonWriter w, TableMap map)
    {
        w.WriteStartObject();
        w.WriteString("name", map.Name);
        w.WriteString("version", map.Version.ToString());
        w.WriteStartObject("finOps");
        w.WriteString("entity", map.FinOpsEntity);
        if (map.FinOpsFilter is not null)
        {
            w.WriteString("filter", map.FinOpsFilter);
        }

        w.WriteEndObject();
        w.WriteStartObject("dataverse");
        w.WriteString("table", map.DataverseTable);
        if (map.DataverseFilter is not null)
        {
            w.WriteString("filter", map.DataverseFilter);
        }

        w.WriteEndObject();
        w.WriteBoolean("companySpecific", map.CompanySpecific);
        WriteStrings(w, "key", map.IntegrationKey.Select(k => k.ToString()));
        WriteStrings(w, "dependsOn", map.DependsOn);
        w.WriteStartArray("fields");
        foreach (var field in map.Fields)
        {
            WriteField(w, field);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter w, FieldMapping field)
    {
        w.WriteStartObject();
        w.WriteString("finOps", field.FinOps ?? "none");
        w.WriteString("direction", field.Direction switch
        {
            MappingDirection.Both => "=",
            MappingDirection.ToDataverse => ">",
            _ => "<",
        });
        w.WriteString("dataverse", field.Dataverse?.ToString() ?? "none");
        var oneWayDefault = field.Direction switch
        {
            MappingDirection.ToDataverse when field.FinOpsDefault is null => field.DataverseDefault,
            MappingDirection.ToFinOps when field.DataverseDefault is null => field.FinOpsDefault,
            _ => null,
        };
        if (oneWayDefault is not null)
        {
            w.WritePropertyName("default");
            WriteScalar(w, oneWayDefault.Value);
        }
        else if (field.FinOpsDefault is not null || field.DataverseDefault is not null)
        {
            w.WriteStartObject("default");
            if (field.FinOpsDefault is { } toFinOps)
            {
                w.WritePropertyName("finOps");
                WriteScalar(w, toFinOps.Value);
            }

            if (field.DataverseDefault is { } toDataverse)
            {
                w.WritePropertyName("dataverse");
                WriteScalar(w, toDataverse.Value);
            }

            w.WriteEndObject();
        }

        if (field.ValueMap is { } valueMap)
        {
            w.WriteStartObject("valueMap");
            w.WriteStartArray("pairs");
            foreach (var pair in valueMap.Pairs)
            {
                WritePair(w, pair);
            }

            w.WriteEndArray();
            if (valueMap.Default is { } otherwise)
            {
                w.WritePropertyName("default");
                WritePair(w, otherwise);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WritePair(Utf8JsonWriter w, ValueMapPair pair)
    {
        w.WriteStartArray();
        WriteScalar(w, pair.FinOps);
        WriteScalar(w, pair.Dataverse);
        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteScalar(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case string s:
                w.WriteStringValue(s);
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case long l:
                w.WriteNumberValue(l);
                break;
            case int i:
                w.WriteNumberValue(i);
                break;
            case decimal d:
                w.WriteNumberValue(d);
                break;
            default:
                throw new ArgumentException($"a map value must be a string, number, boolean or null; got {value.GetType().Name}", nameof(value));
        }
    }
}
