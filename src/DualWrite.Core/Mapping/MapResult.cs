using DualWrite.Core.Rows;

namespace DualWrite.Core.Mapping;

/// <summary>What the row mapper made of one source row.</summary>
public sealed record MapResult
{
    public required MapOutcome Outcome { get; init; }

    /// <summary>The row's integration key, the same whichever side it was read from; null when it could not be read.</summary>
    public RowKey? Key { get; init; }

    /// <summary>The destination's field values (lookups excepted, see <see cref="Lookups"/>).</summary>
    public Row Values { get; init; } = new();

    /// <summary>For a Dataverse destination: the lookups to resolve and set.</summary>
    public IReadOnlyList<LookupRequest> Lookups { get; init; } = [];

    public IReadOnlyList<RowError> Errors { get; init; } = [];

    /// <summary>Why a row was skipped.</summary>
    public string? Reason { get; init; }
}
