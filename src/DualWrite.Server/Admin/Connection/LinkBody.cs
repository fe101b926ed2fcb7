using DualWrite.Connectors;

namespace DualWrite.Server.Admin.Connection;

/// <summary>What <c>POST /api/v1/connection</c> takes: both environments, the hook address and the companies.</summary>
internal sealed record LinkBody(EnvironmentAddress FinOps, EnvironmentAddress Dataverse, Uri HookBaseUrl, IReadOnlyList<string>? Companies = null);
