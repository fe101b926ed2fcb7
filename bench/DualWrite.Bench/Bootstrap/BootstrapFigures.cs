using DualWrite.Bench.Measuring;
using DualWrite.Runtime.Bootstrap;

namespace DualWrite.Bench.Bootstrap;

/// <summary>What one run of the file bootstrap benchmark measured.</summary>
internal sealed record BootstrapFigures
{
    public required BootstrapSettings Settings { get; init; }

    public required IReadOnlyList<string> Companies { get; init; }

    /// <summary>The export's size in bytes.</summary>
    public required long FileBytes { get; init; }

    /// <summary>How long writing the export took (not part of the measurement).</summary>
    public required TimeSpan Writing { get; init; }

    public required FileBootstrapResult Result { get; init; }

    /// <summary>The load timed, its rate being of the rows created, against the storage's own insert rate.</summary>
    public required PhaseFigures Phase { get; init; }

    public required RequestCounts DataverseRequests { get; init; }

    /// <summary>The first failed rows, as the error file lists them.</summary>
    public required IReadOnlyList<string> FirstErrors { get; init; }

    public bool Complete => Result.Counts.Created == Settings.Customers && Result.Counts.Failed == 0;
}
