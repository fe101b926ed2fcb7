namespace DualWrite.Cli.Remote.Shapes;

/// <summary>
/// An alert rule as <c>GET /api/v1/alerts</c> lists it: <see cref="Errors"/> errors of <see cref="Types"/> (every type
/// when empty) within <see cref="WindowSeconds"/> on <see cref="Map"/> notify, and pause or stop it as <see cref="Action"/> says.
/// </summary>
internal sealed record AlertRule(long Id, string Map, int Errors, IReadOnlyList<string> Types, double WindowSeconds, string Action, string? Webhook);
