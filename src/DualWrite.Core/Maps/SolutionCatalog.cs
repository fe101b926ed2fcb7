namespace DualWrite.Core.Maps;

/// <summary>
/// The solutions imported into a runtime, every version kept, and the one active version of each map. Importing
/// a newer version of a solution keeps the older beside it and makes the newer maps active.
/// </summary>
public sealed class SolutionCatalog
{
    private readonly List<Solution> solutions = [];
    private readonly Dictionary<string, (Solution Solution, TableMap Map)> active = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<Solution> Solutions => solutions;

    /// <summary>The active version of every map, in the order the maps were first imported.</summary>
    public IReadOnlyList<TableMap> ActiveMaps => active.Values.Select(a => a.Map).ToArray();

    public TableMap? Active(string mapName) => active.TryGetValue(mapName, out var found) ? found.Map : null;

    /// <summary>The solution the active version of a map comes from.</summary>
    public Solution? ActiveSolution(string mapName) => active.TryGetValue(mapName, out var found) ? found.Solution : null;

    /// <summary>Adds a solution; refuses one whose name and version are already there.</summary>
    public void Import(Solution solution)
    {
        if (solutions.Any(s => string.Equals(s.Name, solution.Name, StringComparison.OrdinalIgnoreCase) && s.Version == solution.Version))
        {
            throw new InvalidOperationException($"the solution {solution.Name} {solution.Version} is already imported");
        }

        solutions.Add(solution);
        foreach (var map in solution.Maps)
        {
            if (!active.TryGetValue(map.Name, out var current) || IsNewer(solution, map, current.Solution, current.Map))
            {
                active[map.Name] = (solution, map);
            }
        }
    }

    /// <summary>Makes the map of the given solution version the active one.</summary>
    public void Activate(string mapName, string solutionName, FourPartVersion solutionVersion)
    {
        var solution = solutions.FirstOrDefault(s => string.Equals(s.Name, solutionName, StringComparison.OrdinalIgnoreCase) && s.Version == solutionVersion)
            ?? throw new InvalidOperationException($"there is no solution {solutionName} {solutionVersion}; imported: {string.Join(", ", solutions)}");
        var map = solution.FindMap(mapName)
            ?? throw new InvalidOperationException($"the solution {solution} has no map '{mapName}'");
        active[map.Name] = (solution, map);
    }

    private static bool IsNewer(Solution solution, TableMap map, Solution currentSolution, TableMap current) =>
        map.Version != current.Version
            ? map.Version > current.Version
            : string.Equals(solution.Name, currentSolution.Name, StringComparison.OrdinalIgnoreCase) && solution.Version > currentSolution.Version;
}
