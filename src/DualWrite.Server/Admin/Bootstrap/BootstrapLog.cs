using Microsoft.Extensions.Logging;

namespace DualWrite.Server.Admin.Bootstrap;

internal static partial class BootstrapLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "Bootstrap job {Id} ({Kind}) failed: {Reason}")]
    public static partial void JobFailed(ILogger logger, string id, BootstrapJobKind kind, string reason, Exception exception);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Bootstrap job {Id} could not remove its uploaded file {File}: {Reason}")]
    public static partial void UploadLeft(ILogger logger, string id, string file, string reason);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Error, Message = "Bootstrap job {Id} could not be written to {File}, so a restarted runtime will not list it as it is now: {Reason}")]
    public static partial void JobNotSaved(ILogger logger, string id, string file, string reason);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Error, Message = "The bootstrap job in {Folder} could not be read back and is not listed: {Reason}")]
    public static partial void JobNotLoaded(ILogger logger, string folder, string reason);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "The folder {Folder} of a bootstrap refused before it began could not be removed: {Reason}")]
    public static partial void FolderLeft(ILogger logger, string folder, string reason);
}
