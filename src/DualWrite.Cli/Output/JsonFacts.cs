using System.Text.Json;
using Spectre.Console;

namespace DualWrite.Cli.Output;

/// <summary>
/// An answer whose shape is open (the link, say) as name and value lines: objects nested under their name, lists
/// of plain values on one line, so that a person reads what the runtime said without reading JSON.
/// </summary>
internal static class JsonFacts
{
    public static Grid Of(JsonElement json)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        Add(grid, json, string.Empty);
        return grid;
    }

    private static void Add(Grid grid, JsonElement json, string indent)
    {
        foreach (var property in json.EnumerateObject())
        {
            var name = indent + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    grid.AddRow(Cell.Text(name), Cell.Text(null));
                    Add(grid, property.Value, indent + "  ");
                    break;
                case JsonValueKind.Array when property.Value.EnumerateArray().All(IsPlain):
                    grid.AddRow(Cell.Text(name), Cell.Text(string.Join(", ", property.Value.EnumerateArray().Select(Plain))));
                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        grid.AddRow(Cell.Text($"{name}[{index++}]"), Cell.Text(IsPlain(item) ? Plain(item) : null));
                        if (item.ValueKind == JsonValueKind.Object)
                        {
                            Add(grid, item, indent + "  ");
                        }
                    }

                    break;
                default:
                    grid.AddRow(Cell.Text(name), Cell.Text(Plain(property.Value)));
                    break;
            }
        }
    }

    private static bool IsPlain(JsonElement json) => json.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    private static string Plain(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString()!,
        JsonValueKind.Null => "-",
        _ => json.GetRawText(),
    };
}
