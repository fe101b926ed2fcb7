namespace DualWrite.Environments.OData;

internal sealed record OrderByOption(string Field, bool Descending);
