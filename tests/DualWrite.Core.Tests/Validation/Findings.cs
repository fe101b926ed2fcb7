using DualWrite.Core.Maps;
using DualWrite.Core.Tests.Schema;
using DualWrite.Core.Validation;

namespace DualWrite.Core.Tests.Validation;

/// <summary>Validation against the shipped schemas, and assertions that show every finding when they fail.</summary>
internal static class Findings
{
    public static IReadOnlyList<MapFinding> Of(TableMap map) =>
        MapValidator.Validate(map, EnvironmentSchemaFiles.FinOps, EnvironmentSchemaFiles.Dataverse);

    public static IReadOnlyList<MapFinding> Of(Solution solution) =>
        MapValidator.Validate(solution, EnvironmentSchemaFiles.FinOps, EnvironmentSchemaFiles.Dataverse);

    public static void None(IReadOnlyList<MapFinding> findings) =>
        Assert.True(findings.Count == 0, $"expected no findings, got:\n{Show(findings)}");

    /// <summary>
    /// Asserts that every finding has <paramref name="code"/> (the break triggers that rule and no other), and
    /// that one of them is about <paramref name="field"/> of <paramref name="map"/> and says all of <paramref name="words"/>.
    /// </summary>
    public static MapFinding Only(IReadOnlyList<MapFinding> findings, string code, string map, string? field, params string[] words)
    {
        Assert.True(findings.Count > 0 && findings.All(f => f.Code == code), $"expected only {code} findings, got:\n{Show(findings)}");
        return Has(findings, code, map, field, words);
    }

    public static MapFinding Has(IReadOnlyList<MapFinding> findings, string code, string map, string? field, params string[] words)
    {
        var found = findings.FirstOrDefault(f => f.Code == code && f.Map == map && f.Field == field
            && words.All(w => f.Message.Contains(w, StringComparison.OrdinalIgnoreCase)));
        Assert.True(found is not null, $"expected {code} on {map} / {field ?? "(map)"} saying {string.Join(", ", words.Select(w => $"\"{w}\""))}; got:\n{Show(findings)}");
        return found!;
    }

    private static string Show(IReadOnlyList<MapFinding> findings) =>
        findings.Count == 0 ? "(none)" : string.Join("\n", findings);
}
