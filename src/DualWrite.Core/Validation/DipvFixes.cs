namespace DualWrite.Core.Validation;

/// <summary>What to do about each validation finding, as <c>docs/maps.md</c> says it, for those who show findings to people.</summary>
public static class DipvFixes
{
    private static readonly Dictionary<string, string> Fixes = new(StringComparer.Ordinal)
    {
        ["DIPV1002"] = "Pair like with like; remove the company field: the company is part of the key already.",
        ["DIPV1003"] = "List the columns of an alternate key in key.",
        ["DIPV1004"] = "Map every key column with =.",
        ["DIPV1010"] = "Map it toward that side, or fill it with a none mapping and a default.",
        ["DIPV1011"] = "Map it toward F&O only, or not at all.",
        ["DIPV1012"] = "Fix the filter at the position given.",
        ["DIPV1014"] = "Map it to the matching key column.",
        ["DIPV1015"] = "End the path in the key column(s) of that table.",
        ["DIPV1021"] = "Check the spelling against the entity.",
        ["DIPV1023"] = "Keep one.",
        ["DIPV1024"] = "Check the spelling and the path.",
        ["DIPV1026"] = "Keep one.",
        ["DIPV1029"] = "Keep each value once per side; use the value map's default for the rest.",
        ["DIPV1030"] = "Map fields of agreeing types, add a value map, or correct the value.",
        ["DIPV1031"] = "Give the mapping a default, or a source field.",
        ["DWS001"] = "Add the map, or remove the dependency.",
        ["DWS002"] = "Break the cycle.",
        ["DWS003"] = "Rename one.",
    };

    /// <summary>The fix for a finding's code; for a code without one, to correct the map where the finding says.</summary>
    public static string For(string code) =>
        Fixes.TryGetValue(code, out var fix) ? fix : "Correct the map where the finding says, then validate it again.";
}
