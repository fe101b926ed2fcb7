using Microsoft.Extensions.Logging;

namespace DualWrite.Runtime.Connection;

internal static partial class ConnectionLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Linked F&O {FinOps} and Dataverse {Dataverse} for {Companies}, by {Who}")]
    public static partial void Linked(ILogger logger, Uri finOps, Uri dataverse, IReadOnlyList<string> companies, string who);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Linking failed after {What} was done, and undoing it failed too: {Reason}")]
    public static partial void UndoFailed(ILogger logger, string what, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Legal entity {Company} added to the link")]
    public static partial void CompanyAdded(ILogger logger, string company);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Legal entity {Company} removed from the link")]
    public static partial void CompanyRemoved(ILogger logger, string company);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Reset link could not remove {What}: {Reason}")]
    public static partial void LeftBehind(ILogger logger, string what, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Link reset (forced: {Forced})")]
    public static partial void Reset(ILogger logger, bool forced);
}
