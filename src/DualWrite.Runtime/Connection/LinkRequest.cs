using DualWrite.Connectors;

namespace DualWrite.Runtime.Connection;

/// <summary>What linking needs: the two environments, the legal entities to synchronise and where the runtime takes hooks.</summary>
/// <param name="FinOps">The F&amp;O environment and the runtime's application user there.</param>
/// <param name="Dataverse">The Dataverse environment and the runtime's application user there.</param>
/// <param name="HookBaseUrl">
/// Where the runtime receives hooks: F&amp;O calls <c>hooks/finops</c> below it, Dataverse <c>hooks/dataverse</c>.
/// </param>
public sealed record LinkRequest(EnvironmentAddress FinOps, EnvironmentAddress Dataverse, Uri HookBaseUrl)
{
    /// <summary>The company a link synchronises when none is named.</summary>
    public const string DefaultCompany = "dat";

    /// <summary>The legal entities (company codes) to synchronise; <c>dat</c> when none are given.</summary>
    public IReadOnlyList<string> Companies { get; init; } = [DefaultCompany];

    /// <summary>The F&amp;O entities whose changes are hooked; null for every entity of the active maps.</summary>
    public IReadOnlyList<string>? FinOpsEntities { get; init; }

    /// <summary>The Dataverse tables (logical or entity set names) whose changes are hooked; null for every table of the active maps.</summary>
    public IReadOnlyList<string>? DataverseTables { get; init; }
}
