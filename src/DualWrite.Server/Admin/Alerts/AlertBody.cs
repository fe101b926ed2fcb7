using DualWrite.Runtime.Monitoring;

namespace DualWrite.Server.Admin.Alerts;

/// <summary>A rule to add: "errors of these types within windowSeconds on a map: notify, and pause or stop it".</summary>
internal sealed record AlertBody(string Map, int Errors, double WindowSeconds, IReadOnlyList<ErrorType>? Types = null, AlertAction Action = AlertAction.Notify, Uri? Webhook = null);
