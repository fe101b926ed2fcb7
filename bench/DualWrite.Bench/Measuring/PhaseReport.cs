using Spectre.Console;
using static DualWrite.Bench.Measuring.FigureText;

namespace DualWrite.Bench.Measuring;

/// <summary>
/// How a benchmark prints its timed phase: what ran, a table of what the phase did, its time, rate, baseline, ratio
/// and memory peaks, what it sent, and a line under the table. Each benchmark fills in the parts that are its own,
/// so that the figures they share are worded and worked out alike.
/// </summary>
internal sealed record PhaseReport
{
    /// <summary>Lines saying what ran, and what was prepared without being timed.</summary>
    public required IReadOnlyList<string> Heading { get; init; }

    /// <summary>The phase as the table names its rate: <c>sync</c> gives <c>sync rows/s</c> and <c>sync / baseline</c>.</summary>
    public required string Phase { get; init; }

    /// <summary>The phase as a sentence names it, where that differs from <see cref="Phase"/>: <c>comparison</c>.</summary>
    public string? PhaseInSentence { get; init; }

    /// <summary>Which baseline the rate is set against, as the table names it: <c>storage baseline</c>.</summary>
    public required string Baseline { get; init; }

    /// <summary>Rows of the table above the timings: what the phase did.</summary>
    public required IReadOnlyList<(string Figure, string Value)> Outcome { get; init; }

    /// <summary>Rows of the table below the memory peaks: the requests the phase sent.</summary>
    public IReadOnlyList<(string Figure, string Value)> Requests { get; init; } = [];

    public void Write(IAnsiConsole console, PhaseFigures figures)
    {
        console.WriteLine();
        foreach (var line in Heading)
        {
            console.MarkupLine(Markup.Escape(line));
        }

        var memory = figures.Cost.Memory;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        IEnumerable<(string, string)> timings =
        [
            ("seconds", Seconds(figures.Cost.Elapsed)),
            ($"{Phase} rows/s", $"{figures.RowsPerSecond:N0}"),
            ($"{Baseline} rows/s", $"{figures.Baseline.RowsPerSecond:N0}"),
            ($"{Phase} / baseline", $"{figures.Ratio:0.000}"),
            ("peak managed heap MB", $"{Megabytes(memory.ManagedHeap):N0}"),
            ("peak working set MB", $"{Megabytes(memory.WorkingSet):N0}"),
        ];
        foreach (var (figure, value) in Outcome.Concat(timings).Concat(Requests))
        {
            table.AddRow(Markup.Escape(figure), Markup.Escape(value));
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape(Notes(PhaseInSentence ?? Phase, figures)));
    }

    /// <summary>
    /// The line under the table: the baseline's own counts, how many cores the phase kept busy, and the heap it left
    /// held (memory that grows with the rows shows there, garbage does not).
    /// </summary>
    private static string Notes(string phase, PhaseFigures figures)
    {
        var (baseline, cost) = (figures.Baseline, figures.Cost);
        var transactions = baseline.Transactions is { } committed ? $" in {committed:N0} transactions" : string.Empty;
        var baselineProcessor = baseline.Processor is { } spent ? $", processor {Seconds(spent)} s" : string.Empty;
        return $"Baseline: {baseline.Rows:N0} rows{transactions}, {Seconds(baseline.Elapsed)} s{baselineProcessor}. " +
            $"Processor during the {phase}: {Seconds(cost.Processor)} s in {Seconds(cost.Elapsed)} s, {cost.CoresBusy:0.00} of {Environment.ProcessorCount} cores busy. " +
            $"Memory sampled {cost.Memory.Samples:N0} times; managed heap held after the {phase}, over before it: {Megabytes(cost.HeapHeld):N1} MB.";
    }
}
