using DualWrite.Runtime.InitialSync;

namespace DualWrite.Runtime.Bootstrap;

/// <summary>What a file bootstrap did.</summary>
/// <param name="Counts">
/// Rows read; created and updated in Dataverse; unchanged (Dataverse held them already); skipped (a company that is
/// not linked, or outside the map's F&amp;O filter); failed (listed in the error file).
/// </param>
/// <param name="UnlinkedCompanies">The rows skipped because their company is not linked, by company as the file writes it.</param>
/// <param name="IgnoredColumns">The file's columns the map does not use.</param>
/// <param name="ErrorFile">Where every failed row is listed with its line, key and reason.</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record FileBootstrapResult(
    SyncCounts Counts,
    IReadOnlyDictionary<string, long> UnlinkedCompanies,
    IReadOnlyList<string> IgnoredColumns,
    string ErrorFile,
    TimeSpan Elapsed);
