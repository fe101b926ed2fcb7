using Microsoft.Extensions.Logging;

namespace DualWrite.Runtime;

internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Initial sync of {Map} (run {Run}) starting or continuing")]
    public static partial void InitialSyncStarted(ILogger logger, string map, long run);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Initial sync of {Map} done: {Summary}")]
    public static partial void InitialSyncDone(ILogger logger, string map, string summary);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Initial sync of {Map} failed (attempt {Attempt}); trying again in {Wait}: {Reason}")]
    public static partial void InitialSyncRetry(ILogger logger, string map, int attempt, TimeSpan wait, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Initial sync of {Map} given up after {Attempts} attempts; the map is stopped: {Reason}")]
    public static partial void InitialSyncAbandoned(ILogger logger, string map, int attempts, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "The runtime's own work failed and is tried again at the next look: {Reason}")]
    public static partial void WorkFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "{Map} caught up: {Replayed} queued changes replayed, {Failed} kept as catch-up errors")]
    public static partial void CaughtUp(ILogger logger, string map, long replayed, long failed);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "The queue holds {Queued}, past 80% of its limit of {Limit}: resume paused maps, or make room")]
    public static partial void QueueNearlyFull(ILogger logger, string queued, string limit);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "{Map}: alert rule {Rule} fired: {Message}")]
    public static partial void AlertFired(ILogger logger, string map, long rule, string message);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "{Map}: alert rule {Rule} could not act on the map: {Reason}")]
    public static partial void AlertActionRefused(ILogger logger, string map, long rule, string reason);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Error, Message = "{Map}: alert rule {Rule} could not post its notice to {Webhook}: {Reason}")]
    public static partial void AlertWebhookFailed(ILogger logger, string map, long rule, Uri webhook, string reason);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "{Rows} rows of Dataverse transactions not seen to commit within {Seconds} seconds were made equal to Dataverse on F&O")]
    public static partial void TransactionsSettled(ILogger logger, int rows, double seconds);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "{Table}: {Updated} rows without a company given the company {Company}, {Failed} refused")]
    public static partial void CompanyBootstrapped(ILogger logger, string table, string company, long updated, long failed);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "{Map}: {File} loaded into Dataverse: {Read} read, {Created} created, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped, {Failed} failed (listed in {ErrorFile})")]
    public static partial void FileBootstrapped(ILogger logger, string map, string file, long read, long created, long updated, long unchanged, long skipped, long failed, string errorFile);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Information, Message = "{Map} compared: {Equal} equal, {OnlyInFinOps} only in F&O, {OnlyInDataverse} only in Dataverse, {Differing} differing, in {Seconds:0.0} s")]
    public static partial void Compared(ILogger logger, string map, long equal, long onlyInFinOps, long onlyInDataverse, long differing, double seconds);
}
