namespace DualWrite.Runtime.Lifecycle;

/// <summary>A map named that is not among the active maps; the message lists those that are.</summary>
public sealed class UnknownMapException(string message) : Exception(message)
{
    public static UnknownMapException For(string name, IEnumerable<string> known) =>
        new($"There is no map named '{name}'; the maps are {string.Join(", ", known.Select(n => $"'{n}'"))}.");
}
