namespace DualWrite.Cli.Remote.Shapes;

/// <summary>A rule to add, as <c>POST /api/v1/alerts</c> takes it; no <see cref="Types"/> means every type.</summary>
internal sealed record AlertBody(string Map, int Errors, IReadOnlyList<string> Types, double WindowSeconds, string Action, string? Webhook);
