namespace DualWrite.Runtime.Connection;

/// <summary>One linked environment as it answers now.</summary>
/// <param name="Environment">Where it is and who the runtime signs in as.</param>
/// <param name="Answers">Whether it answered the runtime's application user.</param>
/// <param name="Problem">Why not, in its own words where it gave any and without secrets; null when it answered.</param>
/// <param name="Companies">Each linked legal entity and whether it exists there; empty when it did not answer.</param>
public sealed record EnvironmentStatus(EnvironmentIdentity Environment, bool Answers, string? Problem, IReadOnlyList<CompanyPresence> Companies);
