using Microsoft.Extensions.Logging;

namespace DualWrite.Connectors.Http;

internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "{Method} {Path} was throttled ({Status}); try {Attempt} of {MaxAttempts} in {Delay}")]
    public static partial void Throttled(ILogger logger, string method, string path, int status, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "{Method} {Path} got no answer ({Reason}); try {Attempt} of {MaxAttempts} in {Delay}")]
    public static partial void NoAnswer(ILogger logger, string method, string path, string reason, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "{Method} {Path} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string method, string path, string reason);
}
