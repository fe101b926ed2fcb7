using DualWrite.Core.Maps;
using DualWrite.Runtime.Monitoring;

namespace DualWrite.Server.Admin.Errors;

/// <summary>One entry of the live sync error log.</summary>
internal sealed record ErrorLine(long Id, DateTimeOffset At, string Map, SyncDirection Direction, string Key, string Transaction, ErrorType Type, string Message, string? Payload)
{
    public static ErrorLine From(ErrorEntry e) => new(e.Id, e.At, e.Map, e.Direction, e.Key, e.TransactionId, e.Type, e.Message, e.Payload);
}
