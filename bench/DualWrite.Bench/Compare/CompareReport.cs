using DualWrite.Bench.InitialSync;
using DualWrite.Bench.Measuring;
using Spectre.Console;
using static DualWrite.Bench.Measuring.FigureText;

namespace DualWrite.Bench.Compare;

/// <summary>The compare benchmark's figures as a short table, with what it found and what it cost beside reading.</summary>
internal static class CompareReport
{
    public static void Write(IAnsiConsole console, CompareFigures figures)
    {
        var (settings, totals) = (figures.Settings, figures.Report.Totals);
        new PhaseReport
        {
            Heading =
            [
                $"Comparison of {InitialSyncBenchmark.AccountsMap}; companies {string.Join(", ", figures.Companies)}; pages of {settings.Setup.PageSize:N0}; " +
                $"{settings.Drift:N0} accounts drifted in Dataverse, at most {settings.MaxDifferences:N0} differences kept. " +
                $"Preparation (filling {settings.Setup.Customers:N0} customers, syncing them): {Seconds(figures.Preparation)} s, not timed below.",
            ],
            Phase = "compare",
            PhaseInSentence = "comparison",
            Baseline = "read-only baseline",
            Outcome =
            [
                ("rows F&O / Dataverse", $"{totals.FinOpsRows:N0} / {totals.DataverseRows:N0}"),
                ("equal / differing", $"{totals.Equal:N0} / {totals.Differing:N0}"),
                ("only in F&O / only in Dataverse", $"{totals.OnlyInFinOps:N0} / {totals.OnlyInDataverse:N0}"),
                ("skipped (outside the map)", $"{totals.Skipped:N0}"),
                ("differences kept", $"{figures.Report.Differences.Count:N0}"),
            ],
        }.Write(console, figures.Phase);
        if (!figures.Correct)
        {
            console.MarkupLine(Markup.Escape(
                $"The comparison did not find what was made: expected {settings.Drift:N0} differing and {figures.Synced - settings.Drift:N0} equal, nothing missing; " +
                $"first differences: {string.Join("; ", figures.Report.Differences.Take(5).Select(d => $"{d.Company} {d.Key} {d.Kind}"))}"));
        }
    }
}
