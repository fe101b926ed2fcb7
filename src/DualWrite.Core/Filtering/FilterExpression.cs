namespace DualWrite.Core.Filtering;

/// <summary>
/// A row filter, parsed from an OData <c>$filter</c> or an F&amp;O query range; each environment turns it into
/// parameterised SQL and the runtime evaluates it against rows.
/// </summary>
public abstract record FilterExpression;
