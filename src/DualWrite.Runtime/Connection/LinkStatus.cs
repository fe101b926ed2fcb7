namespace DualWrite.Runtime.Connection;

/// <summary>Both linked environments as they answer now.</summary>
public sealed record LinkStatus(EnvironmentStatus FinOps, EnvironmentStatus Dataverse);
