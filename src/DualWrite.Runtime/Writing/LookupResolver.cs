using System.Collections.Concurrent;
using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Mapping;

namespace DualWrite.Runtime.Writing;

/// <summary>
/// Finds the row a lookup points at through the related table's alternate key (nested lookups first), and
/// remembers what it found, so that a run asks Dataverse once per related row, not once per row written.
/// </summary>
public sealed class LookupResolver(DataverseClient dataverse, int capacity = LookupResolver.DefaultCapacity)
{
    /// <summary>Enough for every group, term and currency of many companies, small enough to stay bounded.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly ConcurrentDictionary<string, Task<Guid?>> found = new(StringComparer.OrdinalIgnoreCase);

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
        if (!found.TryGetValue(cacheKey, out var lookup))
        {
            // Counting locks the whole dictionary, so it is done only when a row is about to be asked for anyway.
            MakeRoom();
            lookup = found.GetOrAdd(cacheKey, _ => dataverse.FindIdAsync(request.Table, values, cancellationToken));
        }

        Guid? id;
        try
        {
            id = await lookup;
        }
        catch
        {
            // A failed look-up is not an answer: the next row asks again.
            found.TryRemove(cacheKey, out _);
            throw;
        }

        if (id is null)
        {
            // Only rows found are remembered: a row missing now may be written a moment later (a row of the same run).
            found.TryRemove(cacheKey, out _);
        }

        return id;
    }

    /// <summary>
    /// Remembers the id of a row just written by its alternate key, so that lookups to it (rows of one run that point
    /// at one another) find it without asking.
    /// </summary>
    public void Remember(string table, IEnumerable<KeyValuePair<string, object?>> keyValues, Guid id)
    {
        MakeRoom();
        found[CacheKey(table, keyValues)] = Task.FromResult<Guid?>(id);
    }

    /// <summary>Forgets a row (it was just created, or a company was added), so the next look-up asks again.</summary>
    public void Forget() => found.Clear();

    private static string CacheKey(string table, IEnumerable<KeyValuePair<string, object?>> values) =>
        table + "|" + string.Join("|", values.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase).Select(v => $"{v.Key}={v.Value}"));

    /// <summary>Lookups to rows of the map's own table can be as many as its rows: start again rather than grow without end.</summary>
    private void MakeRoom()
    {
        if (found.Count >= capacity)
        {
            found.Clear();
        }
    }

    /// <summary>How a lookup that found nothing is told to a person: the path, the value and the company.</summary>
    public static string Describe(LookupRequest request, string? company)
    {
        var values = request.Conditions.Where(c => c.Related is null).Select(c => Core.Maps.MapText.Value(c.Value));
        return $"lookup {request.Path} = {string.Join(", ", values)} not found" + (company is null ? string.Empty : $" in company {company}");
    }
}
