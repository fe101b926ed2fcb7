using DualWrite.Cli.Remote.Shapes;
using Spectre.Console;

namespace DualWrite.Cli.Output;

/// <summary>Validation and health findings, one row each with its fix.</summary>
internal static class FindingTable
{
    public static Table Of(IEnumerable<Finding> findings)
    {
        var table = new Table().AddColumn("Code").AddColumn("Map").AddColumn("Field").AddColumn("Finding").AddColumn("Fix");
        foreach (var finding in findings)
        {
            table.AddRow(Cell.Text(finding.Code), Cell.Text(finding.Map), Cell.Text(finding.Field), Cell.Text(finding.Message), Cell.Text(finding.Fix));
        }

        return table;
    }
}
