using DualWrite.Core.Maps;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Validation;

/// <summary>
/// Checks table maps against the two environments' schemas before they run, and lists every rule a map breaks
/// (<see cref="DipvCodes"/>). A map with no findings can be given to the row mapper.
/// </summary>
public static class MapValidator
{
    /// <summary>Every finding for one map; empty when the map is valid.</summary>
    public static IReadOnlyList<MapFinding> Validate(TableMap map, EnvironmentSchema finOps, EnvironmentSchema dataverse)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(finOps);
        ArgumentNullException.ThrowIfNull(dataverse);
        return new MapCheck(map, finOps, dataverse).Run();
    }

    /// <summary>Every finding for every map of the solution, then those about the maps together: names and dependencies.</summary>
    public static IReadOnlyList<MapFinding> Validate(Solution solution, EnvironmentSchema finOps, EnvironmentSchema dataverse)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(finOps);
        ArgumentNullException.ThrowIfNull(dataverse);
        var findings = solution.Maps.SelectMany(m => Validate(m, finOps, dataverse)).ToList();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var map in solution.Maps)
        {
            // Maps are found by name (to start them, and as dependencies), ignoring case as everywhere else.
            if (!names.Add(map.Name))
            {
                findings.Add(new MapFinding(DipvCodes.DuplicateMapName, map.Name, null,
                    $"solution '{solution.Name}' has more than one map named '{map.Name}'; give each map its own name"));
            }

            foreach (var dependency in map.DependsOn.Where(d => solution.FindMap(d) is null))
            {
                findings.Add(new MapFinding(DipvCodes.UnknownDependency, map.Name, null,
                    $"the map depends on '{dependency}', which is not in solution '{solution.Name}'; add that map to the solution or remove the dependency"));
            }
        }

        try
        {
            MapOrder.Sort(solution.Maps);
        }
        catch (MapOrderException e)
        {
            var first = solution.Maps.FirstOrDefault(m => InCycle(m, solution));
            findings.Add(new MapFinding(DipvCodes.DependencyCycle, first?.Name ?? solution.Name, null, $"{e.Message}; remove one of these dependencies"));
        }

        return findings;
    }

    /// <summary>Whether the map can reach itself through dependencies on maps of the solution.</summary>
    private static bool InCycle(TableMap map, Solution solution)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<TableMap>([map]);
        while (pending.Count > 0)
        {
            foreach (var dependency in pending.Pop().DependsOn)
            {
                if (string.Equals(dependency, map.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (seen.Add(dependency) && solution.FindMap(dependency) is { } next)
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }
}
