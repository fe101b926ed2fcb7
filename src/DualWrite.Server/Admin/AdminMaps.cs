using DualWrite.Core.Maps;
using DualWrite.Runtime;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Server.Admin;

/// <summary>Finds the active maps an address or a body names, so that an unknown one is a 404 before anything moves.</summary>
internal static class AdminMaps
{
    /// <exception cref="UnknownMapException">No active map has that name.</exception>
    public static async Task<TableMap> RequireAsync(this DualWriteRuntime runtime, string name, CancellationToken cancellationToken) =>
        (await runtime.RequireAsync([name], cancellationToken))[0];

    /// <exception cref="UnknownMapException">One of the names is no active map's.</exception>
    public static async Task<IReadOnlyList<TableMap>> RequireAsync(this DualWriteRuntime runtime, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var maps = await runtime.ActiveMapsAsync(cancellationToken);
        return names.Select(name => maps.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw UnknownMapException.For(name, maps.Select(m => m.Name))).ToArray();
    }
}
