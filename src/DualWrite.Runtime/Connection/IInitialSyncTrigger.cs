using DualWrite.Core.Maps;

namespace DualWrite.Runtime.Connection;

/// <summary>
/// Starts the initial sync of one newly linked legal entity for maps that are already started, so that the
/// company's existing rows are copied while its new changes already flow live.
/// </summary>
public interface IInitialSyncTrigger
{
    /// <param name="company">The company code just linked.</param>
    /// <param name="maps">The company-specific maps that are not Not running, in dependency order.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    Task StartAsync(string company, IReadOnlyList<TableMap> maps, CancellationToken cancellationToken);
}
