namespace DualWrite.Runtime.InitialSync;

/// <summary>What a new run of a map that ran before takes on.</summary>
public enum RerunMode
{
    /// <summary>Everything again, rows that failed last time included.</summary>
    Everything,

    /// <summary>Leaves out the rows that failed in the last run: only rows new since then are added.</summary>
    WithoutErrors,
}
