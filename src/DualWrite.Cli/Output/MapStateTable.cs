using DualWrite.Cli.Remote.Shapes;
using Spectre.Console;

namespace DualWrite.Cli.Output;

/// <summary>The maps an action moved, with their states after it.</summary>
internal static class MapStateTable
{
    public static Table Of(IEnumerable<MapStateEntry> maps)
    {
        var table = new Table().AddColumn("Map").AddColumn("State");
        foreach (var map in maps)
        {
            table.AddRow(Cell.Text(map.Name), Cell.State(map.State));
        }

        return table;
    }
}
