using Microsoft.Extensions.Logging;

namespace DualWrite.Environments.Hooks;

internal static partial class HookLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "An asynchronous webhook to {Url} failed after the commit: {Reason}")]
    public static partial void AsyncWebhookFailed(ILogger logger, string url, string reason);
}
