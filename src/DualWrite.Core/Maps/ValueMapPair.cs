namespace DualWrite.Core.Maps;

/// <summary>One row of a value map: this F&amp;O value is that Dataverse value.</summary>
/// <param name="FinOps">The F&amp;O value (an enum by member name, or any scalar).</param>
/// <param name="Dataverse">The Dataverse value (an option set by its integer value, or any scalar).</param>
public sealed record ValueMapPair(object? FinOps, object? Dataverse);
