using Microsoft.AspNetCore.WebUtilities;

namespace DualWrite.Environments.OData;

/// <summary>Splits a URL written in a request (absolute, absolute-path or relative) into a service path and query.</summary>
internal static class ServiceAddress
{
    /// <param name="url">The URL as written.</param>
    /// <param name="servicePath">The service root's path: <c>/api/data/v9.2/</c>.</param>
    public static (string Path, IReadOnlyDictionary<string, string> Query) Split(string url, string servicePath)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            url = absolute.PathAndQuery;
        }

        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? url : url[..question];
        var query = question < 0 ? string.Empty : url[question..];
        if (path.StartsWith(servicePath, StringComparison.OrdinalIgnoreCase))
        {
            path = path[servicePath.Length..];
        }
        else if (path.StartsWith(servicePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            path = path[servicePath.TrimEnd('/').Length..];
        }

        var options = QueryHelpers.ParseQuery(query)
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return (Uri.UnescapeDataString(path.TrimStart('/')), options);
    }
}
