using Microsoft.Extensions.Logging;

namespace DualWrite.Server.Admin.Problems;

internal static partial class AdminProblemLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string method, string path);
}
