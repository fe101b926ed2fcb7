using DualWrite.Core.Filtering;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Validation;

internal sealed partial class MapCheck
{
    /// <summary>DIPV1012: each side's filter must parse, and then fit the table it filters.</summary>
    private void CheckFilters()
    {
        if (map.FinOpsFilter is { } range)
        {
            CheckFilter("F&O", range, FinOpsRangeParser.Parse, finOpsTable, null);
        }

        if (map.DataverseFilter is { } filter)
        {
            CheckFilter("Dataverse", filter, ODataFilterParser.Parse, dataverseTable, ResolveDataverse);
        }
    }

    private void CheckFilter(string side, string text, Func<string, FilterExpression> parse, TableSchema? table, Func<string, FieldSchema?>? resolve)
    {
        FilterExpression parsed;
        try
        {
            parsed = parse(text);
        }
        catch (FilterParseException e)
        {
            Add(DipvCodes.FilterInvalid, null,
                $"the {side} filter \"{text}\" does not parse: at position {e.Position} ({Context(text, e.Position)}) expected {e.Expected}");
            return;
        }

        if (table is null)
        {
            return;
        }

        foreach (var problem in FilterEvaluator.Validate(parsed, table, resolve))
        {
            Add(DipvCodes.FilterInvalid, null, $"the {side} filter \"{text}\" does not fit '{table.Name}': {problem}");
        }
    }

    /// <summary>What stands at the position, as people find a place in a line: by what follows it.</summary>
    private static string Context(string text, int position) =>
        position >= text.Length ? "at the end" : $"at \"{text[position..Math.Min(text.Length, position + 12)]}\"";

    /// <summary>A Dataverse filter names a lookup as <c>_name_value</c>, as the row mapper resolves it.</summary>
    private FieldSchema? ResolveDataverse(string name) =>
        name.Length > "__value".Length && name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal)
            ? dataverseTable!.FindField(name[1..^"_value".Length]) is { Type: FieldType.Lookup } lookup ? lookup : null
            : dataverseTable!.FindField(name);
}
