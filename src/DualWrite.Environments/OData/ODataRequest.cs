using DualWrite.Environments.Auth;

namespace DualWrite.Environments.OData;

/// <summary>
/// One OData operation, whether it came as an HTTP request of its own or as a part of a <c>$batch</c>.
/// </summary>
/// <param name="Method">GET, POST, PATCH, PUT or DELETE.</param>
/// <param name="Path">The resource path below the service root, unescaped: <c>accounts(…)</c>, <c>CustomersV3/$count</c>.</param>
/// <param name="Query">The query options, decoded.</param>
/// <param name="Headers">The request headers.</param>
/// <param name="Body">The request body (empty when none).</param>
/// <param name="Caller">The authenticated principal.</param>
/// <param name="ServiceRoot">The absolute service root, ending in a slash: <c>http://127.0.0.1:5102/api/data/v9.2/</c>.</param>
internal sealed record ODataRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    Principal Caller,
    string ServiceRoot)
{
    /// <summary>Within a change set: the entity URL each earlier request created, by its Content-ID.</summary>
    public IReadOnlyDictionary<string, string> ContentIds { get; init; } = new Dictionary<string, string>();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? Option(string name) => Query.TryGetValue(name, out var value) ? value : null;

    public bool Prefers(string preference) =>
        Header("Prefer") is { } prefer
        && prefer.Split(',').Any(p => p.Trim().StartsWith(preference, StringComparison.OrdinalIgnoreCase));

    public string? Preference(string name) =>
        Header("Prefer")?.Split(',')
            .Select(p => p.Trim())
            .FirstOrDefault(p => p.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim('"');
}
