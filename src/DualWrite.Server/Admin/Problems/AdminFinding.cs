using DualWrite.Core.Validation;

namespace DualWrite.Server.Admin.Problems;

/// <summary>One validation finding as the admin API shows it, with what to do about it.</summary>
internal sealed record AdminFinding(string Code, string? Map, string? Field, string Message, string Fix)
{
    public static AdminFinding From(MapFinding finding) => new(finding.Code, finding.Map, finding.Field, finding.Message, DipvFixes.For(finding.Code));
}
