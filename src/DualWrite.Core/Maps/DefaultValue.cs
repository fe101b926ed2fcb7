namespace DualWrite.Core.Maps;

/// <summary>
/// A constant written to the destination when the source has no such field or no value. Wrapped so that a
/// default of null can be told from no default.
/// </summary>
/// <param name="Value">A JSON scalar: string, long, decimal, bool or null; converted to the destination's type.</param>
public sealed record DefaultValue(object? Value);
