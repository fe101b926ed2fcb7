using DualWrite.Core.Maps;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.Connection;

/// <summary>The solutions and active map versions of the store, as a <see cref="SolutionCatalog"/>.</summary>
internal static class StoredCatalog
{
    public static async Task<SolutionCatalog> LoadAsync(IRuntimeStore store, CancellationToken cancellationToken)
    {
        var catalog = new SolutionCatalog();
        foreach (var stored in await store.GetSolutionsAsync(cancellationToken))
        {
            catalog.Import(SolutionReader.Parse(stored.Json, $"the stored solution {stored.Name} {stored.Version}"));
        }

        // Import makes the newest version active; a person's choice of another, kept in the store, wins.
        foreach (var active in await store.GetActiveMapsAsync(cancellationToken))
        {
            catalog.Activate(active.Map, active.Solution, FourPartVersion.Parse(active.SolutionVersion));
        }

        return catalog;
    }

    /// <summary>The out-of-box solution's file as it ships, so that it exports again exactly as it came.</summary>
    public static string OutOfBoxJson()
    {
        using var stream = typeof(OutOfBoxSolution).Assembly.GetManifestResourceStream(OutOfBoxSolution.ResourceName)
            ?? throw new InvalidOperationException($"the resource '{OutOfBoxSolution.ResourceName}' is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
