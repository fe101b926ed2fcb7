using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Mapping;

namespace DualWrite.Runtime.Writing;

/// <summary>
/// Finds the row a lookup points at through the related table's alternate key (nested lookups first), and
/// remembers what it found, so that a run asks Dataverse once per related row, not once per row written.
/// </summary>
/// <remarks>
/// What is remembered is kept in two generations, each of half the capacity: when the newer one is full, the older
/// one is dropped and the newer one takes its place. A row found in the older generation moves to the newer, so the
/// few groups, terms and currencies that every row asks for stay for the whole run, while the rows of the map's own
/// table, remembered as they are written (one per row synced), leave once the rows after them no longer ask for them.
/// </remarks>
public sealed class LookupResolver(DataverseClient dataverse, int capacity = LookupResolver.DefaultCapacity)
{
    /// <summary>
    /// Every group, term and currency of many companies, and the rows of the map's own table written last; at a few
    /// hundred bytes an entry, a few megabytes.
    /// </summary>
    public const int DefaultCapacity = 20_000;

    private readonly int generationSize = Math.Max(1, capacity / 2);
    private readonly Lock gate = new();
    private Dictionary<string, Task<Guid?>> newer = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, Task<Guid?>> older = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The related row's id, or null when no row has these key values.</summary>
    public async Task<Guid?> ResolveAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var condition in request.Conditions)
        {
            if (condition.Related is { } related)
            {
                var relatedId = await ResolveAsync(related, cancellationToken);
                if (relatedId is null)
                {
                    return null;
                }

                values[condition.Column] = relatedId;
            }
            else
            {
                values[condition.Column] = condition.Value;
            }
        }

        var cacheKey = CacheKey(request.Table, values);
        if (Find(cacheKey) is not { } lookup)
        {
            // Asked outside the lock; two rows asking for the same new row at once may both ask, and the first answer stays.
            lookup = Keep(cacheKey, dataverse.FindIdAsync(request.Table, values, cancellationToken), replace: false);
        }

        Guid? id;
        try
        {
            id = await lookup;
        }
        catch
        {
            // A failed look-up is not an answer: the next row asks again.
            Drop(cacheKey, lookup);
            throw;
        }

        if (id is null)
        {
            // Only rows found are remembered: a row missing now may be written a moment later (a row of the same run).
            Drop(cacheKey, lookup);
        }

        return id;
    }

    /// <summary>
    /// Remembers the id of a row just written by its alternate key, so that lookups to it (rows of one run that point
    /// at one another) find it without asking.
    /// </summary>
    public void Remember(string table, IEnumerable<KeyValuePair<string, object?>> keyValues, Guid id) =>
        Keep(CacheKey(table, keyValues), Task.FromResult<Guid?>(id), replace: true);

    /// <summary>Forgets a row (it was just created, or a company was added), so the next look-up asks again.</summary>
    public void Forget()
    {
        lock (gate)
        {
            newer.Clear();
            older.Clear();
        }
    }

    private static string CacheKey(string table, IEnumerable<KeyValuePair<string, object?>> values) =>
        table + "|" + string.Join("|", values.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase).Select(v => $"{v.Key}={v.Value}"));

    private Task<Guid?>? Find(string cacheKey)
    {
        lock (gate)
        {
            if (newer.TryGetValue(cacheKey, out var lookup))
            {
                return lookup;
            }

            if (older.Remove(cacheKey, out lookup))
            {
                Add(cacheKey, lookup);
                return lookup;
            }

            return null;
        }
    }

    /// <summary>Keeps <paramref name="lookup"/> in the newer generation, or returns the one already kept unless told to replace it.</summary>
    private Task<Guid?> Keep(string cacheKey, Task<Guid?> lookup, bool replace)
    {
        lock (gate)
        {
            if (!replace && newer.TryGetValue(cacheKey, out var kept))
            {
                return kept;
            }

            older.Remove(cacheKey);
            Add(cacheKey, lookup);
            return lookup;
        }
    }

    private void Add(string cacheKey, Task<Guid?> lookup)
    {
        if (newer.Count >= generationSize && !newer.ContainsKey(cacheKey))
        {
            (older, newer) = (newer, older);
            newer.Clear();
        }

        newer[cacheKey] = lookup;
    }

    private void Drop(string cacheKey, Task<Guid?> lookup)
    {
        lock (gate)
        {
            foreach (var generation in (Dictionary<string, Task<Guid?>>[])[newer, older])
            {
                if (generation.TryGetValue(cacheKey, out var kept) && kept == lookup)
                {
                    generation.Remove(cacheKey);
                }
            }
        }
    }

    /// <summary>How a lookup that found nothing is told to a person: the path, the value and the company.</summary>
    public static string Describe(LookupRequest request, string? company)
    {
        var values = request.Conditions.Where(c => c.Related is null).Select(c => Core.Maps.MapText.Value(c.Value));
        return $"lookup {request.Path} = {string.Join(", ", values)} not found" + (company is null ? string.Empty : $" in company {company}");
    }
}
