namespace DualWrite.Core.Mapping;

public enum MapOutcome
{
    /// <summary>The destination row is ready to write.</summary>
    Mapped,

    /// <summary>The change touched no mapped field: nothing to send.</summary>
    Unchanged,

    /// <summary>The row is outside the map: its filter, or a company that is not linked.</summary>
    Skipped,

    /// <summary>The row cannot be mapped; <see cref="MapResult.Errors"/> says why.</summary>
    Failed,
}
