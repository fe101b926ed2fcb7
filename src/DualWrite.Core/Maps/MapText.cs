using System.Globalization;
using System.Text;

namespace DualWrite.Core.Maps;

/// <summary>
/// The compact symbol view of the public mapping reference: <c>=</c> both ways, <c>&gt;</c> and <c>&lt;</c> one
/// way, doubled (<c>&gt;&gt;</c>, <c>&lt;&lt;</c>, <c>&gt;&lt;</c>) when the value is transformed on the way;
/// F&amp;O fields in upper case, <c>none</c> where a default supplies the value.
/// </summary>
public static class MapText
{
    public static string Of(FieldMapping mapping)
    {
        var text = new StringBuilder()
            .Append(mapping.FinOps?.ToUpperInvariant() ?? "none")
            .Append(' ')
            .Append(Symbol(mapping))
            .Append(' ')
            .Append(mapping.Dataverse?.ToString() ?? "none");
        var transforms = new List<string>();
        if (mapping.DataverseDefault is { } toDataverse)
        {
            transforms.Add($"default {Value(toDataverse.Value)}" + (mapping.Direction == MappingDirection.Both ? " in Dataverse" : string.Empty));
        }

        if (mapping.FinOpsDefault is { } toFinOps)
        {
            transforms.Add($"default {Value(toFinOps.Value)}" + (mapping.Direction == MappingDirection.Both ? " in F&O" : string.Empty));
        }

        if (mapping.ValueMap is { } valueMap)
        {
            var pairs = valueMap.Pairs.Select(p => $"{Value(p.FinOps)}:{Value(p.Dataverse)}");
            if (valueMap.Default is { } otherwise)
            {
                pairs = pairs.Append($"else {Value(otherwise.FinOps)}:{Value(otherwise.Dataverse)}");
            }

            transforms.Add("map " + string.Join(", ", pairs));
        }

        return transforms.Count == 0 ? text.ToString() : text.Append("  [").AppendJoin("; ", transforms).Append(']').ToString();
    }

    public static string Of(TableMap map)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{map.Name} {map.Version}")
            .AppendLine(CultureInfo.InvariantCulture, $"  {map.FinOpsEntity} <-> {map.DataverseTable}{(map.CompanySpecific ? ", by company" : ", global")}");
        if (map.FinOpsFilter is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  F&O filter:       {map.FinOpsFilter}");
        }

        if (map.DataverseFilter is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  Dataverse filter: {map.DataverseFilter}");
        }

        var key = string.Join(", ", map.IntegrationKey) + (map.CompanySpecific ? " + company" : string.Empty);
        text.AppendLine(CultureInfo.InvariantCulture, $"  Key:              {key}");
        if (map.DependsOn.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  Depends on:       {string.Join(", ", map.DependsOn)}");
        }

        foreach (var mapping in map.Fields)
        {
            text.Append("  ").AppendLine(Of(mapping));
        }

        return text.ToString();
    }

    public static string Symbol(FieldMapping mapping) => (mapping.Direction, mapping.Transforms) switch
    {
        (MappingDirection.Both, false) => "=",
        (MappingDirection.Both, true) => "><",
        (MappingDirection.ToDataverse, false) => ">",
        (MappingDirection.ToDataverse, true) => ">>",
        (MappingDirection.ToFinOps, false) => "<",
        _ => "<<",
    };

    public static string Value(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
