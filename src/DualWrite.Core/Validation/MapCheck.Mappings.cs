using DualWrite.Core.Maps;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Validation;

internal sealed partial class MapCheck
{
    // Columns Dataverse maintains itself: a map that writes them would be refused on every row.
    private static readonly HashSet<string> SystemColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "createdon", "createdby", "createdonbehalfby", "modifiedon", "modifiedby", "modifiedonbehalfby",
        "versionnumber", "owningbusinessunit", "owninguser", "owningteam", "timezoneruleversionnumber",
        "utcconversiontimezonecode",
    };

    /// <summary>DIPV1031: where a side is none, the value must come from a default, and only one way.</summary>
    private void CheckShape(ResolvedMapping mapping)
    {
        var m = mapping.Mapping;
        if (m.FinOps is null && m.Dataverse is null)
        {
            Add(DipvCodes.DefaultRequired, mapping.Text, "the mapping has none on both sides and carries nothing; remove it");
            return;
        }

        if (m.Direction == MappingDirection.Both && (m.FinOps is null || m.Dataverse is null))
        {
            var fix = m.FinOps is null ? $"none > {m.Dataverse} with a default" : $"{m.FinOps} < none with a default";
            Add(DipvCodes.DefaultRequired, mapping.Text,
                $"a two-way mapping needs a field on both sides, and this one has none on the {(m.FinOps is null ? "F&O" : "Dataverse")} side; " +
                $"make it one-way ({fix})");
            return;
        }

        if (m.Direction == MappingDirection.ToDataverse)
        {
            if (m.FinOps is null && m.DataverseDefault is null)
            {
                Add(DipvCodes.DefaultRequired, mapping.Text,
                    $"a mapping from none has no value to write to '{m.Dataverse}' without a default; give it a default for Dataverse");
            }
            else if (m.Dataverse is null)
            {
                Add(DipvCodes.DefaultRequired, mapping.Text,
                    $"the mapping carries '{m.FinOps}' to Dataverse but names no column there; name the column or remove the mapping");
            }
        }
        else if (m.Direction == MappingDirection.ToFinOps)
        {
            if (m.Dataverse is null && m.FinOpsDefault is null)
            {
                Add(DipvCodes.DefaultRequired, mapping.Text,
                    $"a mapping from none has no value to write to '{m.FinOps}' without a default; give it a default for F&O");
            }
            else if (m.FinOps is null)
            {
                Add(DipvCodes.DefaultRequired, mapping.Text,
                    $"the mapping carries '{m.Dataverse}' to F&O but names no field there; name the field or remove the mapping");
            }
        }
    }

    /// <summary>DIPV1011: a mapping may only write what the destination lets it write.</summary>
    private void CheckReadOnly(ResolvedMapping mapping)
    {
        // A path that did not resolve has been reported already; its column says nothing about what is written.
        var path = mapping.Mapping.Dataverse;
        if (mapping.WritesDataverse && mapping.DataverseColumn is { } column && (!path!.IsLookup || mapping.DataverseLeaf is not null)
            && !string.Equals(column.Name, DataverseCompanyField, IgnoreCase))
        {
            if (!column.IsValidForCreate && !column.IsValidForUpdate)
            {
                Add(DipvCodes.ReadOnlyFieldMapped, mapping.Text,
                    $"Dataverse column '{column.Name}' of '{dataverseTable!.Name}' is read-only (valid neither for create nor for update) and cannot be written; " +
                    "map it one way to F&O (<) or remove the mapping");
            }
            else if (IsSystemColumn(column))
            {
                Add(DipvCodes.ReadOnlyFieldMapped, mapping.Text,
                    $"Dataverse column '{column.Name}' of '{dataverseTable!.Name}' is a system column that Dataverse sets itself and cannot be written; " +
                    "map it one way to F&O (<) or remove the mapping");
            }
        }

        if (mapping.WritesFinOps && mapping.FinOps is { IsValidForCreate: false, IsValidForUpdate: false } field)
        {
            Add(DipvCodes.ReadOnlyFieldMapped, mapping.Text,
                $"F&O field '{field.Name}' of '{finOpsTable!.Name}' is read-only (valid neither for create nor for update) and cannot be written; " +
                "map it one way to Dataverse (>) or remove the mapping");
        }
    }

    private bool IsSystemColumn(FieldSchema column) =>
        string.Equals(column.Name, dataverseTable!.PrimaryIdField, IgnoreCase) || SystemColumns.Contains(column.Name);

    /// <summary>DIPV1030: each direction the mapping carries must be able to turn one side's values into the other's.</summary>
    private void CheckTypes(ResolvedMapping mapping)
    {
        // A value map says what every value becomes, so the fields' own types need not carry each other's values.
        if (mapping.Mapping.ValueMap is not null || mapping.FinOps is not { } finOps || mapping.DataverseLeaf is not { } dataverse)
        {
            return;
        }

        var path = mapping.Mapping.Dataverse!;
        if (mapping.Mapping.Carries(SyncDirection.FinOpsToDataverse) && !FieldValues.CanConvert(finOps, dataverse))
        {
            Add(DipvCodes.TypeMismatch, mapping.Text,
                $"F&O field '{finOps.Name}' ({TypeText(finOps)}) cannot carry its values to Dataverse '{path}' ({TypeText(dataverse)}); " +
                "map fields of matching types, or add a value map");
        }

        if (mapping.Mapping.Carries(SyncDirection.DataverseToFinOps) && !FieldValues.CanConvert(dataverse, finOps))
        {
            Add(DipvCodes.TypeMismatch, mapping.Text,
                $"Dataverse '{path}' ({TypeText(dataverse)}) cannot carry its values to F&O field '{finOps.Name}' ({TypeText(finOps)}); " +
                "map fields of matching types, or add a value map");
        }
    }

    /// <summary>DIPV1030: a default is written as it stands, so it must be a value of its field.</summary>
    private void CheckDefaults(ResolvedMapping mapping)
    {
        if (mapping.Mapping.DataverseDefault is { } toDataverse && mapping.DataverseLeaf is { } dataverse)
        {
            CheckValue(mapping, dataverse, toDataverse.Value, "the default for Dataverse");
        }

        if (mapping.Mapping.FinOpsDefault is { } toFinOps && mapping.FinOps is { } finOps)
        {
            CheckValue(mapping, finOps, toFinOps.Value, "the default for F&O");
        }
    }

    /// <summary>DIPV1030 for a value map's values, DIPV1029 for source values it lists twice.</summary>
    private void CheckValueMap(ResolvedMapping mapping)
    {
        var m = mapping.Mapping;
        if (m.ValueMap is not { } valueMap)
        {
            return;
        }

        if (m.FinOps is null || m.Dataverse is null)
        {
            Add(DipvCodes.TypeMismatch, mapping.Text,
                $"a value map needs a field on both sides, and this mapping has none on the {(m.FinOps is null ? "F&O" : "Dataverse")} side; " +
                "use a default instead");
            return;
        }

        var finOpsValues = new List<(int Pair, object? Value)>();
        var dataverseValues = new List<(int Pair, object? Value)>();
        for (var i = 0; i < valueMap.Pairs.Count; i++)
        {
            var pair = valueMap.Pairs[i];
            var what = $"value map pair {i + 1} ({MapText.Value(pair.FinOps)}:{MapText.Value(pair.Dataverse)})";
            if (TryValue(mapping, mapping.FinOps, pair.FinOps, what, out var finOps))
            {
                finOpsValues.Add((i + 1, finOps));
            }

            if (TryValue(mapping, mapping.DataverseLeaf, pair.Dataverse, what, out var dataverse))
            {
                dataverseValues.Add((i + 1, dataverse));
            }
        }

        if (valueMap.Default is { } otherwise)
        {
            var what = $"the value map's default ({MapText.Value(otherwise.FinOps)}:{MapText.Value(otherwise.Dataverse)})";
            TryValue(mapping, mapping.FinOps, otherwise.FinOps, what, out _);
            TryValue(mapping, mapping.DataverseLeaf, otherwise.Dataverse, what, out _);
        }

        // Only the side values are looked up by is ambiguous when repeated; many values may well become one.
        if (m.Carries(SyncDirection.FinOpsToDataverse))
        {
            ReportRepeats(mapping, "F&O", finOpsValues, valueMap.Pairs, p => p.FinOps, "Dataverse");
        }

        if (m.Carries(SyncDirection.DataverseToFinOps))
        {
            ReportRepeats(mapping, "Dataverse", dataverseValues, valueMap.Pairs, p => p.Dataverse, "F&O");
        }
    }

    private void ReportRepeats(
        ResolvedMapping mapping, string side, List<(int Pair, object? Value)> values, IReadOnlyList<ValueMapPair> pairs,
        Func<ValueMapPair, object?> written, string other)
    {
        for (var j = 0; j < values.Count; j++)
        {
            var first = values.Take(j).FirstOrDefault(v => SameValue(v.Value, values[j].Value));
            if (first.Pair != 0)
            {
                Add(DipvCodes.DuplicateValueMapEntry, mapping.Text,
                    $"the value map lists the {side} value {MapText.Value(written(pairs[values[j].Pair - 1]))} twice (pairs {first.Pair} and {values[j].Pair}), " +
                    $"so it is not clear which {other} value it becomes; keep one of the pairs");
            }
        }
    }

    /// <summary>A map's value as a value of its field; a value of an unknown field is kept as written.</summary>
    private bool TryValue(ResolvedMapping mapping, FieldSchema? field, object? value, string what, out object? converted)
    {
        converted = value;
        if (field is null)
        {
            return true;
        }

        if (!CheckValue(mapping, field, value, what))
        {
            return false;
        }

        converted = FieldValues.FromScalar(field, value);
        return true;
    }

    private bool CheckValue(ResolvedMapping mapping, FieldSchema field, object? value, string what)
    {
        try
        {
            FieldValues.FromScalar(field, value);
            return true;
        }
        catch (FieldValueException e)
        {
            Add(DipvCodes.TypeMismatch, mapping.Text, $"{what} is not a value of '{field.Name}': {e.Message}");
            return false;
        }
    }

    /// <summary>Values compare as the row mapper compares them: strings ignoring case.</summary>
    private static bool SameValue(object? a, object? b) =>
        a is string x && b is string y ? string.Equals(x, y, IgnoreCase) : Equals(a, b);
}
