using DualWrite.Core.Validation;

namespace DualWrite.Runtime.Solutions;

/// <summary>A solution or map that breaks the validation rules, refused with every finding.</summary>
public sealed class SolutionRefusedException(string message, IReadOnlyList<MapFinding> findings) : Exception(message)
{
    public IReadOnlyList<MapFinding> Findings { get; } = findings;
}
