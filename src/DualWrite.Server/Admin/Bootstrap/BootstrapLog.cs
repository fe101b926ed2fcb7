using Microsoft.Extensions.Logging;

namespace DualWrite.Server.Admin.Bootstrap;

internal static partial class BootstrapLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "Bootstrap job {Id} ({Kind}) failed: {Reason}")]
    public static partial void JobFailed(ILogger logger, string id, BootstrapJobKind kind, string reason, Exception exception);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Bootstrap job {Id} could not remove its uploaded file {File}: {Reason}")]
    public static partial void UploadLeft(ILogger logger, string id, string file, string reason);
}
