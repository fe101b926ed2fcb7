namespace DualWrite.Runtime.Connection;

/// <summary>The link as it may be shown to anyone allowed to read it: it carries no secret.</summary>
/// <param name="FinOps">The F&amp;O environment.</param>
/// <param name="Dataverse">The Dataverse environment.</param>
/// <param name="Companies">The linked legal entities, in the order they were added.</param>
/// <param name="Solutions">The solutions held, every version.</param>
/// <param name="ActiveMaps">The version of each map that runs.</param>
/// <param name="HookBaseUrl">Where the environments send their hooks.</param>
/// <param name="Hooks">What the link registered on both sides.</param>
/// <param name="LinkedAt">When the link was made.</param>
/// <param name="LinkedBy">Who made it.</param>
public sealed record ConnectionInfo(
    EnvironmentIdentity FinOps,
    EnvironmentIdentity Dataverse,
    IReadOnlyList<string> Companies,
    IReadOnlyList<AppliedSolution> Solutions,
    IReadOnlyList<ActiveMapVersion> ActiveMaps,
    Uri HookBaseUrl,
    LinkHooks Hooks,
    DateTimeOffset LinkedAt,
    string LinkedBy);
