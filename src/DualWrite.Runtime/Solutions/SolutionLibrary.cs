using DualWrite.Core.Maps;
using DualWrite.Core.Schema;
using DualWrite.Core.Validation;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.Solutions;

/// <summary>
/// The solutions the runtime holds (SPEC section 2.9): every version kept as it came, one active version of each
/// map. Imports and map edits are checked against the environments' schemas first, and change only maps that are
/// Not running.
/// </summary>
public sealed partial class SolutionLibrary : IDisposable
{
    private readonly IRuntimeStore store;
    private readonly EnvironmentSchema finOpsSchema;
    private readonly EnvironmentSchema dataverseSchema;
    private readonly TimeProvider time;
    private readonly Action changed;

    /// <summary>One change to the catalogue at a time, so that two imports cannot both take the same version.</summary>
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <param name="store">Where the solutions and active versions are kept.</param>
    /// <param name="finOpsSchema">The F&amp;O entities maps are checked against.</param>
    /// <param name="dataverseSchema">The Dataverse tables maps are checked against.</param>
    /// <param name="time">The clock of import times.</param>
    /// <param name="changed">Told after the active maps changed, for those who keep what they read of them.</param>
    internal SolutionLibrary(IRuntimeStore store, EnvironmentSchema finOpsSchema, EnvironmentSchema dataverseSchema, TimeProvider time, Action changed)
    {
        this.store = store;
        this.finOpsSchema = finOpsSchema;
        this.dataverseSchema = dataverseSchema;
        this.time = time;
        this.changed = changed;
    }

    public void Dispose() => gate.Dispose();

    /// <summary>Every solution held, every version, in the order they came.</summary>
    public async Task<IReadOnlyList<SolutionSummary>> ListAsync(CancellationToken cancellationToken) =>
        (await store.GetSolutionsAsync(cancellationToken))
            .Select(stored => (Stored: stored, Solution: SolutionReader.Parse(stored.Json, $"the stored solution {stored.Name} {stored.Version}")))
            .Select(s => new SolutionSummary(s.Solution.Name, s.Solution.Version.ToString(), s.Solution.Publisher, s.Solution.Description, s.Solution.Maps.Count, s.Stored.ImportedAt))
            .ToArray();

    /// <summary>A solution's file as it was imported: the newest version, or the one asked for; null when not held.</summary>
    public async Task<string?> ExportAsync(string name, string? version, CancellationToken cancellationToken)
    {
        var versions = (await store.GetSolutionsAsync(cancellationToken))
            .Where(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(s => (Stored: s, Version: FourPartVersion.Parse(s.Version)))
            .ToArray();
        if (version is null)
        {
            return versions.Length == 0 ? null : versions.MaxBy(v => v.Version).Stored.Json;
        }

        return FourPartVersion.TryParse(version, out var wanted)
            ? versions.FirstOrDefault(v => v.Version == wanted).Stored?.Json
            : throw new SolutionFormatException($"'{version}' is not a four-part version such as 1.0.0.5");
    }

    /// <summary>The version of every active map and the solution version it comes from.</summary>
    public async Task<IReadOnlyList<ActiveMapVersion>> ActiveAsync(CancellationToken cancellationToken)
    {
        var catalog = await StoredCatalog.LoadAsync(store, cancellationToken);
        return catalog.ActiveMaps
            .Select(map => (Map: map, Solution: catalog.ActiveSolution(map.Name)!))
            .Select(a => new ActiveMapVersion(a.Map.Name, a.Map.Version.ToString(), a.Solution.Name, a.Solution.Version.ToString()))
            .ToArray();
    }

    /// <summary>Every finding for a solution file, or for one map's text; nothing is saved.</summary>
    /// <exception cref="SolutionFormatException">The text is neither a solution nor a map.</exception>
    public IReadOnlyList<MapFinding> Validate(string json, string source) =>
        SolutionReader.IsSolution(json, source)
            ? MapValidator.Validate(SolutionReader.Parse(json, source), finOpsSchema, dataverseSchema)
            : MapValidator.Validate(SolutionReader.ParseMap(json, source), finOpsSchema, dataverseSchema);

    /// <summary>The maps whose active version would change, that are not Not running: a map changes only while stopped.</summary>
    private async Task RequireStoppedAsync(IEnumerable<string> maps, string what, CancellationToken cancellationToken)
    {
        var states = await store.GetStatesAsync(cancellationToken);
        var started = maps
            .Select(m => (Map: m, State: states.TryGetValue(m, out var state) ? state : MapState.NotRunning))
            .Where(m => m.State != MapState.NotRunning)
            .ToArray();
        if (started.Length > 0)
        {
            throw new SolutionConflictException(
                $"{what} would change {string.Join(", ", started.Select(s => $"'{s.Map}', which is {MapTransitions.Describe(s.State)}"))}; " +
                "a map changes only while it is Not running: stop it first.");
        }
    }

    /// <summary>Keeps every map's active version in the store, so that a newer copy saved beside it does not take over by itself.</summary>
    private async Task PinAsync(SolutionCatalog catalog, CancellationToken cancellationToken)
    {
        foreach (var map in catalog.ActiveMaps)
        {
            var solution = catalog.ActiveSolution(map.Name)!;
            await store.SetActiveMapAsync(new ActiveMap(map.Name, solution.Name, solution.Version.ToString()), cancellationToken);
        }
    }
}
