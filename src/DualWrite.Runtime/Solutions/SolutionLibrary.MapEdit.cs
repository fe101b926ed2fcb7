using DualWrite.Core.Maps;
using DualWrite.Core.Validation;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.Solutions;

public sealed partial class SolutionLibrary
{
    /// <summary>
    /// Replaces a map that is Not running: the new map is validated, then saved as a new version of the map (its
    /// own version when that is newer, otherwise the active one's with the last part raised) inside a new version
    /// of the solution it comes from, and made active. The other maps keep their active versions.
    /// </summary>
    /// <param name="name">The map to replace.</param>
    /// <param name="json">The new map, as in a solution file.</param>
    /// <param name="who">Who edits, for the activity log.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The map as it is now active.</returns>
    /// <exception cref="UnknownMapException">No active map has that name.</exception>
    /// <exception cref="SolutionFormatException">The text is not a map, or names another map.</exception>
    /// <exception cref="SolutionRefusedException">The map breaks a rule.</exception>
    /// <exception cref="SolutionConflictException">The map is started.</exception>
    public async Task<TableMap> ReplaceMapAsync(string name, string json, string who, CancellationToken cancellationToken)
    {
        var edited = SolutionReader.ParseMap(json, "the map");
        if (!string.Equals(edited.Name, name, StringComparison.OrdinalIgnoreCase))
        {
            throw new SolutionFormatException($"the map: at $.name: the map is named '{edited.Name}', but the address names '{name}'; a map keeps its name.");
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var catalog = await StoredCatalog.LoadAsync(store, cancellationToken);
            var current = catalog.Active(name) ?? throw UnknownMapException.For(name, catalog.ActiveMaps.Select(m => m.Name));
            var findings = MapValidator.Validate(edited, finOpsSchema, dataverseSchema).ToList();
            findings.AddRange(edited.DependsOn.Where(d => catalog.Active(d) is null).Select(d => new MapFinding(
                DipvCodes.UnknownDependency, current.Name, null, $"the map depends on '{d}', which is not an active map; remove the dependency or import that map")));
            if (findings.Count > 0)
            {
                throw new SolutionRefusedException($"The map '{current.Name}' was not changed: {findings.Count} finding(s); correct them and save it again.", findings);
            }

            await RequireStoppedAsync([current.Name], $"Changing the map '{current.Name}'", cancellationToken);
            var source = catalog.ActiveSolution(current.Name)!;
            var map = edited with
            {
                Name = current.Name,
                Version = edited.Version > current.Version ? edited.Version : current.Version with { Revision = current.Version.Revision + 1 },
            };
            var newest = catalog.Solutions.Where(s => string.Equals(s.Name, source.Name, StringComparison.OrdinalIgnoreCase)).Max(s => s.Version);
            var solution = source with
            {
                Version = newest with { Revision = newest.Revision + 1 },
                Maps = source.Maps.Select(m => string.Equals(m.Name, map.Name, StringComparison.OrdinalIgnoreCase) ? map : m).ToArray(),
            };

            // The other maps keep their versions: pin them before the new solution version would make its copies active.
            await PinAsync(catalog, cancellationToken);
            await store.SaveSolutionAsync(new StoredSolution(solution.Name, solution.Version.ToString(), SolutionWriter.Write(solution), time.GetUtcNow()), cancellationToken);
            await store.SetActiveMapAsync(new ActiveMap(map.Name, solution.Name, solution.Version.ToString()), cancellationToken);
            await store.AppendActivityAsync(map.Name, who, "Edited", $"version {current.Version} replaced by {map.Version}, kept in solution {solution}", cancellationToken);
            changed();
            return map;
        }
        finally
        {
            gate.Release();
        }
    }
}
