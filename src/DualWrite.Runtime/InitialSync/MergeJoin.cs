using DualWrite.Core.Rows;

namespace DualWrite.Runtime.InitialSync;

/// <summary>
/// Walks two streams of rows, each in key order, side by side: every key comes out once, with the row of each
/// side that has it. Memory holds one row of each side, whatever the row count.
/// </summary>
public static class MergeJoin
{
    public static async IAsyncEnumerable<MergedRow> RunAsync(
        IAsyncEnumerable<Row> finOps,
        Func<Row, RowKey> finOpsKey,
        IAsyncEnumerable<Row> dataverse,
        Func<Row, RowKey> dataverseKey,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var left = new Cursor(finOps, finOpsKey, "F&O", cancellationToken);
        await using var right = new Cursor(dataverse, dataverseKey, "Dataverse", cancellationToken);
        await left.MoveAsync();
        await right.MoveAsync();
        while (left.Row is not null || right.Row is not null)
        {
            var order = left.Row is null ? 1 : right.Row is null ? -1 : KeyOrder.Instance.Compare(left.Key, right.Key);
            if (order == 0)
            {
                yield return new MergedRow(left.Key!, left.Row, right.Row);
                await left.MoveAsync();
                await right.MoveAsync();
            }
            else if (order < 0)
            {
                yield return new MergedRow(left.Key!, left.Row, null);
                await left.MoveAsync();
            }
            else
            {
                yield return new MergedRow(right.Key!, null, right.Row);
                await right.MoveAsync();
            }
        }
    }

    private sealed class Cursor(IAsyncEnumerable<Row> rows, Func<Row, RowKey> keyOf, string side, CancellationToken cancellationToken) : IAsyncDisposable
    {
        private readonly IAsyncEnumerator<Row> enumerator = rows.GetAsyncEnumerator(cancellationToken);

        public Row? Row { get; private set; }

        public RowKey? Key { get; private set; }

        public async Task MoveAsync()
        {
            var previous = Key;
            if (!await enumerator.MoveNextAsync())
            {
                Row = null;
                return;
            }

            Row = enumerator.Current;
            Key = keyOf(Row);
            if (previous is not null && KeyOrder.Instance.Compare(previous, Key) >= 0)
            {
                // A merge over rows out of order would create duplicates; stop rather than write wrong data.
                throw new InvalidOperationException($"{side} returned {Key} after {previous}: its rows are not in key order, or a key repeats");
            }
        }

        public ValueTask DisposeAsync() => enumerator.DisposeAsync();
    }
}
