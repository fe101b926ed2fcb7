namespace DualWrite.Environments.OData;

/// <summary>One navigation property in <c>$expand</c>, with the columns its own <c>$select</c> asks for (null for all).</summary>
internal sealed record ExpandOption(string Navigation, IReadOnlyList<string>? Select);
