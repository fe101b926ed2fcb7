using System.Text.Json;

namespace DualWrite.Core.Maps;

/// <summary>Reads a solution file (JSON; the format is described in <c>docs/maps.md</c>).</summary>
public static class SolutionReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        AllowDuplicateProperties = false,
    };

    /// <param name="json">The file's text.</param>
    /// <param name="source">Where it came from, named in every error.</param>
    public static Solution Parse(string json, string source)
    {
        using (var document = Open(json, source))
        {
            var root = new Node(document.RootElement, "$", source);
            if (root.Element.ValueKind != JsonValueKind.Object || !root.Has("maps"))
            {
                throw root.Error("this is not a solution: expected an object with name, publisher, version and maps");
            }

            root.Only("name", "publisher", "version", "description", "maps");
            var maps = root.Array("maps").Select(ReadMap).ToArray();
            var duplicate = maps.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw root.Error($"the map '{duplicate.Key}' appears twice");
            }

            return new Solution
            {
                Name = root.String("name"),
                Publisher = root.String("publisher"),
                Version = root.Version("version"),
                Description = root.OptionalString("description"),
                Maps = maps,
            };
        }
    }

    /// <summary>Reads one map as it appears in a solution file's <c>maps</c> list.</summary>
    /// <param name="json">The map's text.</param>
    /// <param name="source">Where it came from, named in every error.</param>
    public static TableMap ParseMap(string json, string source)
    {
        using var document = Open(json, source);
        var root = new Node(document.RootElement, "$", source);
        if (root.Element.ValueKind != JsonValueKind.Object || !root.Has("fields"))
        {
            throw root.Error("this is not a table map: expected an object with name, finOps, dataverse, key and fields");
        }

        return ReadMap(root);
    }

    /// <summary>Whether the text is a whole solution rather than one map: a solution lists its maps.</summary>
    public static bool IsSolution(string json, string source)
    {
        using var document = Open(json, source);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("maps", out _);
    }

    private static JsonDocument Open(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new SolutionFormatException($"{source}: line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: not valid JSON ({FirstSentence(e.Message)})");
        }
    }

    private static TableMap ReadMap(Node map)
    {
        map.Only("name", "version", "finOps", "dataverse", "companySpecific", "key", "dependsOn", "fields");
        var finOps = map.Object("finOps");
        finOps.Only("entity", "filter");
        var dataverse = map.Object("dataverse");
        dataverse.Only("table", "filter");
        return new TableMap
        {
            Name = map.String("name"),
            Version = map.Has("version") ? map.Version("version") : new FourPartVersion(1, 0, 0, 0),
            FinOpsEntity = finOps.String("entity"),
            FinOpsFilter = finOps.OptionalString("filter"),
            DataverseTable = dataverse.String("table"),
            DataverseFilter = dataverse.OptionalString("filter"),
            CompanySpecific = map.Has("companySpecific") && map.Boolean("companySpecific"),
            IntegrationKey = map.Has("key") ? map.Array("key").Select(k => k.Path()).ToArray() : [],
            DependsOn = map.Has("dependsOn") ? map.Array("dependsOn").Select(d => d.Text()).ToArray() : [],
            Fields = map.Array("fields").Select(ReadField).ToArray(),
        };
    }

    private static FieldMapping ReadField(Node field)
    {
        field.Only("finOps", "dataverse", "direction", "default", "valueMap");
        var finOps = field.String("finOps");
        var dataverse = field.String("dataverse");
        var direction = field.String("direction") switch
        {
            "=" or "><" => MappingDirection.Both,
            ">" or ">>" => MappingDirection.ToDataverse,
            "<" or "<<" => MappingDirection.ToFinOps,
            var other => throw field.Child("direction").Error($"'{other}' is not a direction: use = (both ways), > (to Dataverse) or < (to F&O)"),
        };
        DefaultValue? toDataverse = null;
        DefaultValue? toFinOps = null;
        if (field.Has("default"))
        {
            var value = field.Child("default");
            if (value.Element.ValueKind == JsonValueKind.Object)
            {
                value.Only("finOps", "dataverse");
                toFinOps = value.Has("finOps") ? new DefaultValue(value.Child("finOps").Scalar()) : null;
                toDataverse = value.Has("dataverse") ? new DefaultValue(value.Child("dataverse").Scalar()) : null;
            }
            else if (direction == MappingDirection.Both)
            {
                throw value.Error("a two-way mapping names the side of its default: {\"finOps\": …, \"dataverse\": …}");
            }
            else if (direction == MappingDirection.ToDataverse)
            {
                toDataverse = new DefaultValue(value.Scalar());
            }
            else
            {
                toFinOps = new DefaultValue(value.Scalar());
            }
        }

        return new FieldMapping
        {
            FinOps = IsNone(finOps) ? null : finOps,
            Dataverse = IsNone(dataverse) ? null : field.Child("dataverse").Path(),
            Direction = direction,
            DataverseDefault = toDataverse,
            FinOpsDefault = toFinOps,
            ValueMap = field.Has("valueMap") ? ReadValueMap(field.Child("valueMap")) : null,
        };
    }

    private static ValueMap ReadValueMap(Node valueMap)
    {
        valueMap.Only("pairs", "default");
        return new ValueMap(
            valueMap.Array("pairs").Select(ReadPair).ToArray(),
            valueMap.Has("default") ? ReadPair(valueMap.Child("default")) : null);
    }

    private static ValueMapPair ReadPair(Node pair)
    {
        if (pair.Element.ValueKind != JsonValueKind.Array || pair.Element.GetArrayLength() != 2)
        {
            throw pair.Error("a value map pair is [F&O value, Dataverse value]");
        }

        var items = pair.Items().ToArray();
        return new ValueMapPair(items[0].Scalar(), items[1].Scalar());
    }

    private static bool IsNone(string text) => string.Equals(text, "none", StringComparison.OrdinalIgnoreCase);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }

    /// <summary>A JSON value with the path that leads to it, so every error can say where.</summary>
    private sealed record Node(JsonElement Element, string Where, string Source)
    {
        public SolutionFormatException Error(string message) => new($"{Source}: at {Where}: {message}");

        public bool Has(string name) => Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out _);

        public Node Child(string name) =>
            Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out var child)
                ? new Node(child, $"{Where}.{name}", Source)
                : throw Error($"'{name}' is missing");

        public void Only(params string[] names)
        {
            if (Element.ValueKind != JsonValueKind.Object)
            {
                throw Error($"expected an object, found {Describe(Element)}");
            }

            var unknown = Element.EnumerateObject().FirstOrDefault(p => !names.Contains(p.Name, StringComparer.Ordinal));
            if (unknown.Value.ValueKind != JsonValueKind.Undefined)
            {
                throw Error($"unknown property '{unknown.Name}' (expected {string.Join(", ", names)})");
            }
        }

        public Node Object(string name)
        {
            var child = Child(name);
            return child.Element.ValueKind == JsonValueKind.Object ? child : throw child.Error($"expected an object, found {Describe(child.Element)}");
        }

        public IEnumerable<Node> Array(string name)
        {
            var child = Child(name);
            return child.Element.ValueKind == JsonValueKind.Array ? child.Items() : throw child.Error($"expected a list, found {Describe(child.Element)}");
        }

        public IEnumerable<Node> Items() => Element.EnumerateArray().Select((e, i) => new Node(e, $"{Where}[{i}]", Source));

        public string String(string name) => Child(name).Text();

        public string? OptionalString(string name) =>
            Has(name) && Element.GetProperty(name).ValueKind != JsonValueKind.Null ? String(name) : null;

        public bool Boolean(string name)
        {
            var child = Child(name);
            return child.Element.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? child.Element.GetBoolean()
                : throw child.Error($"expected true or false, found {Describe(child.Element)}");
        }

        public FourPartVersion Version(string name)
        {
            var child = Child(name);
            return FourPartVersion.TryParse(child.Text(), out var version)
                ? version
                : throw child.Error($"'{child.Text()}' is not a four-part version such as 1.0.0.5");
        }

        public string Text() =>
            Element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(Element.GetString())
                ? Element.GetString()!
                : throw Error($"expected a non-empty string, found {Describe(Element)}");

        public FieldPath Path()
        {
            var text = Text();
            return text.Split('.').Any(s => s.Trim().Length == 0)
                ? throw Error($"'{text}' is not a column or lookup path such as msdyn_customergroupid.msdyn_groupid")
                : FieldPath.Parse(text);
        }

        public object? Scalar() => Element.ValueKind switch
        {
            JsonValueKind.String => Element.GetString(),
            JsonValueKind.Number when Element.TryGetInt64(out var l) => l,
            JsonValueKind.Number => Element.GetDecimal(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => throw Error($"expected a single value (string, number, true, false or null), found {Describe(Element)}"),
        };

        private static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => $"the string \"{element.GetString()}\"",
            JsonValueKind.Null => "null",
            _ => element.GetRawText(),
        };
    }
}
