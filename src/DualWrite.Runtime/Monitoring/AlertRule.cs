namespace DualWrite.Runtime.Monitoring;

/// <summary>"<see cref="Errors"/> errors of these types within <see cref="Window"/> on a map: notify, and pause or stop it."</summary>
/// <param name="Id">Given by the store; 0 before.</param>
/// <param name="Map">The map it watches.</param>
/// <param name="Errors">How many errors make it fire.</param>
/// <param name="Types">Which kinds of error count; all when empty.</param>
/// <param name="Window">Within how long they must come.</param>
/// <param name="Action">What it does besides notifying.</param>
/// <param name="Webhook">Where a notice is posted as JSON, besides the log; none when null.</param>
public sealed record AlertRule(long Id, string Map, int Errors, IReadOnlyCollection<ErrorType> Types, TimeSpan Window, AlertAction Action, Uri? Webhook = null);
