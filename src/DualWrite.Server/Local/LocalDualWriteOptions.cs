using DualWrite.Environments.Faults;
using DualWrite.Runtime.Writing;

namespace DualWrite.Server.Local;

/// <summary>Where the local installation keeps its data and listens, and what it links.</summary>
public sealed record LocalDualWriteOptions
{
    /// <summary>The folder with a subfolder per part: <c>finops</c>, <c>dataverse</c>, <c>runtime</c>.</summary>
    public required string DataDirectory { get; init; }

    public int FinOpsPort { get; init; } = 5101;

    public int DataversePort { get; init; } = 5102;

    public int RuntimePort { get; init; } = 5100;

    /// <summary>The legal entities a new link synchronises.</summary>
    public IReadOnlyList<string> Companies { get; init; } = ["usmf", "gbsi"];

    /// <summary>Throttling and latency both environments add to every request.</summary>
    public FaultSettings Faults { get; init; } = new();

    public ChangeWriterOptions Writer { get; init; } = new();

    public bool Verbose { get; init; }
}
