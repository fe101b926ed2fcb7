namespace DualWrite.Runtime.Monitoring;

/// <summary>One thing the health check found wrong: its code, the map it concerns (none for the connection), what and how to fix it.</summary>
public sealed record HealthFinding(string Code, string? Map, string Message, string Fix)
{
    public override string ToString() => $"{Code}{(Map is null ? string.Empty : $" {Map}")}: {Message} Fix: {Fix}";
}
