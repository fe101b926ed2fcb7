namespace DualWrite.Core.Validation;

/// <summary>One way a table map (or a solution of maps) breaks a rule; a map with any finding is refused.</summary>
/// <param name="Code">The rule, as in <see cref="DipvCodes"/>: <c>DIPV1014</c>.</param>
/// <param name="Map">The map's name; for a rule about the whole solution, the map it is best fixed in.</param>
/// <param name="Field">
/// The field mapping in its symbol form (<c>CUSTOMERACCOUNT = accountnumber</c>), or the field or column the
/// finding is about when no mapping is (a required column nobody writes); null for the map as a whole.
/// </param>
/// <param name="Message">What is wrong and, where it helps, how to put it right.</param>
public sealed record MapFinding(string Code, string Map, string? Field, string Message)
{
    public override string ToString() => Field is null ? $"{Code} {Map}: {Message}" : $"{Code} {Map}: {Field}: {Message}";
}
