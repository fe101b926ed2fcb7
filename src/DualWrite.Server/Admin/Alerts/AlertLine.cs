using DualWrite.Runtime.Monitoring;

namespace DualWrite.Server.Admin.Alerts;

internal sealed record AlertLine(long Id, string Map, int Errors, IReadOnlyCollection<ErrorType> Types, double WindowSeconds, AlertAction Action, Uri? Webhook)
{
    public static AlertLine From(AlertRule r) => new(r.Id, r.Map, r.Errors, r.Types, r.Window.TotalSeconds, r.Action, r.Webhook);
}
