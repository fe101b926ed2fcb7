namespace DualWrite.Server.Admin.Problems;

/// <summary>A request the admin API cannot take as it is (400): the property at fault and why.</summary>
internal sealed class AdminRequestException(string property, string message) : Exception(message)
{
    public string Property { get; } = property;
}
