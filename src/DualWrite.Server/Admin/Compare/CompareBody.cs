using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Server.Admin.Compare;

/// <summary>
/// What to compare: one linked company or all of them, whether to fix the differences found and with which master,
/// and how many differing rows to answer in detail.
/// </summary>
internal sealed record CompareBody(string? Company = null, bool Fix = false, Master? Master = null, int? MaxDifferences = null);
