using DualWrite.Core.Maps;

namespace DualWrite.Runtime.Connection;

/// <summary>What the checks of a link found, and so what the link is to change.</summary>
internal sealed record LinkPlan(
    LinkRequest Request,
    string Who,
    IReadOnlyList<string> Companies,
    Uri HookBase,
    IReadOnlyList<string> Entities,
    IReadOnlyList<string> Tables,
    IReadOnlyDictionary<string, string?> Names,
    IReadOnlyList<string> MissingInDataverse,
    SolutionCatalog Catalog,
    Solution? OutOfBox);
