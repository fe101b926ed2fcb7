using DualWrite.Runtime.Monitoring;

namespace DualWrite.Server.Admin.Connection;

internal sealed record HealthAnswer(bool Healthy, IReadOnlyList<HealthFinding> Findings);
