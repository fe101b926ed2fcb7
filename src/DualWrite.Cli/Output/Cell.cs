using System.Globalization;
using Spectre.Console;

namespace DualWrite.Cli.Output;

/// <summary>Table cells from the API's values: text escaped for markup, times and counts written the same way everywhere.</summary>
internal static class Cell
{
    public static Markup Text(string? text) => new(Markup.Escape(text ?? string.Empty));

    public static Markup Time(DateTimeOffset? at) => Text(Plain(at));

    /// <summary>A time as the operator's clock shows it, to the second.</summary>
    public static string? Plain(DateTimeOffset? at) => at?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static Markup Count(long count) => Text(count.ToString("N0", CultureInfo.InvariantCulture));

    public static Markup State(string state) => new(state switch
    {
        "Running" => "[green]Running[/]",
        "Paused" or "Resuming" or "Initializing" => $"[yellow]{state}[/]",
        _ => Markup.Escape(state),
    });
}
