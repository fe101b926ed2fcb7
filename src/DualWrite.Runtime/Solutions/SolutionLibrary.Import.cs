using DualWrite.Core.Maps;
using DualWrite.Core.Validation;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.Solutions;

public sealed partial class SolutionLibrary
{
    /// <summary>
    /// Imports a solution file as a new version: validated first, refused when that version is held already or
    /// when it would change a map that is started. Its maps become active where they are newer than the active
    /// ones; each such change goes to the map's activity log.
    /// </summary>
    /// <param name="json">The solution file.</param>
    /// <param name="who">Who imports, for the activity log.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <exception cref="SolutionFormatException">The file cannot be read as a solution.</exception>
    /// <exception cref="SolutionRefusedException">A map breaks a rule.</exception>
    /// <exception cref="SolutionConflictException">The version is held already, or a map it changes is started.</exception>
    public async Task<SolutionSummary> ImportAsync(string json, string who, CancellationToken cancellationToken)
    {
        var solution = SolutionReader.Parse(json, "the solution file");
        var findings = MapValidator.Validate(solution, finOpsSchema, dataverseSchema);
        if (findings.Count > 0)
        {
            throw new SolutionRefusedException($"The solution {solution} was not imported: {findings.Count} finding(s); correct them and import it again.", findings);
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var catalog = await StoredCatalog.LoadAsync(store, cancellationToken);
            if (catalog.Solutions.Any(s => string.Equals(s.Name, solution.Name, StringComparison.OrdinalIgnoreCase) && s.Version == solution.Version))
            {
                throw new SolutionConflictException($"The solution {solution.Name} {solution.Version} is held already; raise its version to import it again.");
            }

            var before = catalog.ActiveMaps.ToDictionary(m => m.Name, m => catalog.ActiveSolution(m.Name)!, StringComparer.OrdinalIgnoreCase);
            catalog.Import(solution);
            var activated = solution.Maps.Where(m => ReferenceEquals(catalog.ActiveSolution(m.Name), solution)).ToArray();
            await RequireStoppedAsync(activated.Select(m => m.Name), $"Importing {solution}", cancellationToken);

            var importedAt = time.GetUtcNow();
            await store.SaveSolutionAsync(new StoredSolution(solution.Name, solution.Version.ToString(), json, importedAt), cancellationToken);
            await PinAsync(catalog, cancellationToken);
            foreach (var map in activated)
            {
                var was = before.TryGetValue(map.Name, out var previous) ? $", replacing the version of {previous}" : string.Empty;
                await store.AppendActivityAsync(map.Name, who, "Imported", $"version {map.Version} from solution {solution}{was}", cancellationToken);
            }

            changed();
            return new SolutionSummary(solution.Name, solution.Version.ToString(), solution.Publisher, solution.Description, solution.Maps.Count, importedAt);
        }
        finally
        {
            gate.Release();
        }
    }
}
