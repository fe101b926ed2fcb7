using System.Runtime.CompilerServices;
using DualWrite.Core.Rows;

namespace DualWrite.Connectors.Dataverse;

public sealed partial class DataverseClient
{
    /// <summary>
    /// The longest <c>$filter</c> one read by keys sends, before escaping. Servers commonly refuse a request line
    /// past 8 KB, and escaping roughly doubles quotes and spaces, so a read of many keys is cut into several.
    /// </summary>
    public const int MaxKeyFilterLength = 3_000;

    /// <summary>
    /// The rows whose columns have one of the given sets of values (each set an alternate key, lookups as the related
    /// row's <see cref="Guid"/>), within the rows that also have <paramref name="common"/> (a company, say). Keys no
    /// row has are simply missing from the answer. The keys are sent in as few reads as the URL length allows.
    /// </summary>
    /// <param name="table">The table's logical name.</param>
    /// <param name="common">Values every row read must have; may be empty.</param>
    /// <param name="keys">The key values of the rows wanted.</param>
    /// <param name="expand">Lookup paths to read as values, as in <see cref="DataverseQuery.Expand"/>.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    public async IAsyncEnumerable<Row> ReadByKeysAsync(
        string table,
        IReadOnlyDictionary<string, object?> common,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> keys,
        IReadOnlyList<string> expand,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var read = Table(table);
        ArgumentNullException.ThrowIfNull(common);
        ArgumentNullException.ThrowIfNull(keys);
        var prefix = common.Count == 0 ? string.Empty : Condition(read, common) + " and ";
        var terms = new List<string>();
        var length = 0;
        foreach (var key in keys)
        {
            var term = "(" + Condition(read, key) + ")";
            if (terms.Count > 0 && length + term.Length > MaxKeyFilterLength)
            {
                await foreach (var row in ReadRowsAsync(table, KeyQuery(prefix, terms, expand), cancellationToken))
                {
                    yield return row;
                }

                terms.Clear();
                length = 0;
            }

            terms.Add(term);
            length += term.Length + " or ".Length;
        }

        if (terms.Count > 0)
        {
            await foreach (var row in ReadRowsAsync(table, KeyQuery(prefix, terms, expand), cancellationToken))
            {
                yield return row;
            }
        }
    }

    private static DataverseQuery KeyQuery(string prefix, List<string> terms, IReadOnlyList<string> expand) =>
        new() { Filter = prefix + "(" + string.Join(" or ", terms) + ")", Expand = expand };
}
