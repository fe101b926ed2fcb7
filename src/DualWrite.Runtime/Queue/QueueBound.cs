using System.Globalization;
using DualWrite.Runtime.Store;
using Microsoft.Extensions.Logging;

namespace DualWrite.Runtime.Queue;

/// <summary>
/// How much the lanes may hold: a set number of bytes, or by default 90% of the disk space that is free beside
/// them, so that a long pause fills the disk no further. Past 80% of it a warning is logged; at the limit new
/// changes are refused with a message, and their users' transactions fail rather than the disk.
/// </summary>
internal sealed class QueueBound(IRuntimeStore store, string storeFolder, long? limitBytes, double shareOfFreeDisk, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan Remeasure = TimeSpan.FromSeconds(1);
    private readonly Lock sync = new();
    private DateTimeOffset measuredAt = DateTimeOffset.MinValue;
    private long queued;
    private long limit;
    private bool warned;

    /// <summary>What the lanes hold and may hold, measured now.</summary>
    public async Task<QueueUsage> UsageAsync(CancellationToken cancellationToken)
    {
        await MeasureAsync(cancellationToken);
        lock (sync)
        {
            return new QueueUsage(limit, queued);
        }
    }

    /// <returns>Null when <paramref name="adding"/> bytes more fit; otherwise why not, in words.</returns>
    public async Task<string?> CheckAsync(long adding, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - measuredAt > Remeasure)
        {
            await MeasureAsync(cancellationToken);
        }

        lock (sync)
        {
            if (queued + adding > limit)
            {
                return $"the queue holds {Size(queued)}, and its limit is {Size(limit)}" +
                    (limitBytes is null ? $" ({shareOfFreeDisk:P0} of the free disk space where the runtime keeps its store)" : string.Empty) +
                    "; the change was not saved. Resume paused maps, or make room on the disk";
            }

            queued += adding;
            if (!warned && queued > limit * 0.8)
            {
                warned = true;
                RuntimeLog.QueueNearlyFull(logger, Size(queued), Size(limit));
            }
            else if (queued < limit * 0.7)
            {
                warned = false;
            }

            return null;
        }
    }

    private async Task MeasureAsync(CancellationToken cancellationToken)
    {
        var bytes = (await store.GetQueueStatsAsync(cancellationToken)).Sum(s => s.Bytes);
        var free = new DriveInfo(Path.GetFullPath(storeFolder)).AvailableFreeSpace;
        lock (sync)
        {
            (queued, limit, measuredAt) = (bytes, limitBytes ?? (long)((free + bytes) * shareOfFreeDisk), time.GetUtcNow());
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("N1", CultureInfo.InvariantCulture) + " GB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("N1", CultureInfo.InvariantCulture) + " MB",
        _ => bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes",
    };
}
