namespace DualWrite.Core.Maps;

/// <summary>
/// Which maps a map needs, and an order in which every map comes after the maps it depends on: topological,
/// and stable (maps that do not depend on each other keep the order they were given in).
/// </summary>
public static class MapOrder
{
    /// <summary>Every map <paramref name="map"/> needs, directly or through others, in dependency order.</summary>
    public static IReadOnlyList<TableMap> Required(TableMap map, IReadOnlyList<TableMap> all)
    {
        var byName = Index(all);
        var needed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<TableMap>([map]);
        while (pending.Count > 0)
        {
            foreach (var dependency in pending.Pop().DependsOn)
            {
                var found = Find(byName, dependency, map);
                if (needed.Add(found.Name))
                {
                    pending.Push(found);
                }
            }
        }

        needed.Remove(map.Name);
        return Sort(all.Where(m => needed.Contains(m.Name)).ToArray(), byName);
    }

    /// <summary>The maps in an order that puts every map after those it depends on that are also in the list.</summary>
    public static IReadOnlyList<TableMap> Sort(IReadOnlyList<TableMap> maps) => Sort(maps, Index(maps));

    /// <summary>Every place where the given order puts a map before one it depends on; empty when the order is valid.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<TableMap> ordered)
    {
        var position = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < ordered.Count; i++)
        {
            position[ordered[i].Name] = i;
        }

        var violations = new List<string>();
        foreach (var (map, index) in ordered.Select((m, i) => (m, i)))
        {
            foreach (var dependency in map.DependsOn)
            {
                if (position.TryGetValue(dependency, out var at) && at > index)
                {
                    violations.Add($"'{map.Name}' (position {index + 1}) comes before '{ordered[at].Name}' (position {at + 1}), which it depends on");
                }
            }
        }

        return violations;
    }

    private static List<TableMap> Sort(IReadOnlyList<TableMap> maps, Dictionary<string, TableMap> byName)
    {
        var inList = new HashSet<string>(maps.Select(m => m.Name), StringComparer.OrdinalIgnoreCase);
        var placed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var order = new List<TableMap>(maps.Count);
        var waiting = maps.ToList();
        while (waiting.Count > 0)
        {
            // The first waiting map whose dependencies in the list are all placed: stable, and cycle-aware.
            var next = waiting.FirstOrDefault(m => m.DependsOn.All(d => !inList.Contains(d) || placed.Contains(d)));
            if (next is null)
            {
                throw new MapOrderException($"the maps depend on each other in a cycle: {Cycle(waiting, byName)}");
            }

            order.Add(next);
            placed.Add(next.Name);
            waiting.Remove(next);
        }

        return order;
    }

    private static string Cycle(List<TableMap> waiting, Dictionary<string, TableMap> byName)
    {
        var names = new HashSet<string>(waiting.Select(m => m.Name), StringComparer.OrdinalIgnoreCase);
        var path = new List<string>();
        var current = waiting[0];
        while (!path.Contains(current.Name, StringComparer.OrdinalIgnoreCase))
        {
            path.Add(current.Name);
            current = byName[current.DependsOn.First(names.Contains)];
        }

        var start = path.FindIndex(n => string.Equals(n, current.Name, StringComparison.OrdinalIgnoreCase));
        return string.Join(" -> ", path.Skip(start).Append(current.Name));
    }

    private static Dictionary<string, TableMap> Index(IReadOnlyList<TableMap> maps)
    {
        var byName = new Dictionary<string, TableMap>(StringComparer.OrdinalIgnoreCase);
        foreach (var map in maps)
        {
            byName.TryAdd(map.Name, map);
        }

        return byName;
    }

    private static TableMap Find(Dictionary<string, TableMap> byName, string name, TableMap asking) =>
        byName.TryGetValue(name, out var found)
            ? found
            : throw new MapOrderException($"'{asking.Name}' depends on '{name}', which is not among the maps");
}
