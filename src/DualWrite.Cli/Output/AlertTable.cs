using System.Globalization;
using DualWrite.Cli.Remote.Shapes;
using Spectre.Console;

namespace DualWrite.Cli.Output;

/// <summary>Alert rules, one row each, worded as the rule reads: "5 errors of any type within 10 minutes: notify and pause".</summary>
internal static class AlertTable
{
    public static Table Of(IEnumerable<AlertRule> rules)
    {
        var table = new Table()
            .AddColumn(new TableColumn("Id").RightAligned())
            .AddColumn("Map")
            .AddColumn(new TableColumn("Errors").RightAligned())
            .AddColumn("Types")
            .AddColumn("Within")
            .AddColumn("Action")
            .AddColumn("Webhook");
        foreach (var rule in rules)
        {
            table.AddRow(
                Cell.Text(rule.Id.ToString(CultureInfo.InvariantCulture)),
                Cell.Text(rule.Map),
                Cell.Count(rule.Errors),
                Cell.Text(rule.Types.Count == 0 ? "any" : string.Join(", ", rule.Types)),
                Cell.Text(SpanWords.Of(TimeSpan.FromSeconds(rule.WindowSeconds))),
                Cell.Text(Action(rule.Action)),
                Cell.Text(rule.Webhook ?? "none"));
        }

        return table;
    }

    private static string Action(string action) => action switch
    {
        "Notify" => "notify",
        "Pause" => "notify and pause",
        "Stop" => "notify and stop",
        _ => action,
    };
}
