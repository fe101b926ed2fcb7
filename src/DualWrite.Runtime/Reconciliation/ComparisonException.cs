namespace DualWrite.Runtime.Reconciliation;

/// <summary>A comparison refused before reading anything, with what to ask instead.</summary>
/// <param name="Property">What in the request is wrong: <c>company</c>, <c>maxDifferences</c>.</param>
/// <param name="message">Why, in words for a person.</param>
public sealed class ComparisonException(string property, string message) : Exception(message)
{
    public string Property { get; } = property;
}
