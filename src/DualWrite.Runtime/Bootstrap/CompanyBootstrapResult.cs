using DualWrite.Runtime.InitialSync;

namespace DualWrite.Runtime.Bootstrap;

/// <summary>What a company bootstrap did.</summary>
/// <param name="Company">The company code as linked.</param>
/// <param name="Table">The table's logical name.</param>
/// <param name="Counts">Rows without a company that matched (read), given the company (updated), refused (failed).</param>
/// <param name="Errors">Every row refused, with the reason.</param>
public sealed record CompanyBootstrapResult(string Company, string Table, SyncCounts Counts, IReadOnlyList<BootstrapRowError> Errors);
