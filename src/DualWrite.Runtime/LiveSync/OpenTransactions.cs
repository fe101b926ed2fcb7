using DualWrite.Core.Mapping;

namespace DualWrite.Runtime.LiveSync;

/// <summary>
/// Dataverse transactions whose operations live sync has already taken while the transaction is still open.
/// Dataverse calls the hook once per operation, so a change set's first rows are on F&amp;O (or in a lane) before
/// its later operations run, and any of those may still roll the whole change set back. A failure live sync itself
/// answers undoes what it took for the same transaction at once; a rollback it cannot see shows as a commit note
/// that never comes, and the rows are then made equal to Dataverse.
/// </summary>
internal sealed class OpenTransactions(TimeProvider time, TimeSpan commitWait)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, OpenTransaction> open = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return open.Count;
            }
        }
    }

    /// <summary>Notes what was taken for one operation of the transaction.</summary>
    public void Add(string correlation, IReadOnlyList<(RowMapper Mapper, SourceChange Change)> written, IReadOnlyList<(RowMapper Mapper, SourceChange Change)> queued, IReadOnlyList<long> appended)
    {
        lock (gate)
        {
            if (!open.TryGetValue(correlation, out var transaction))
            {
                open[correlation] = transaction = new OpenTransaction(correlation);
            }

            transaction.Written.AddRange(written);
            transaction.Touched.AddRange(written);
            transaction.Touched.AddRange(queued);
            transaction.Appended.AddRange(appended);
            transaction.Due = time.GetUtcNow() + commitWait;
        }
    }

    /// <summary>The transaction committed: what was taken for it stays.</summary>
    public void Commit(string correlation)
    {
        lock (gate)
        {
            open.Remove(correlation);
        }
    }

    /// <summary>Takes the transaction out, to undo it; null when nothing was taken for it.</summary>
    public OpenTransaction? Take(string correlation)
    {
        lock (gate)
        {
            return open.Remove(correlation, out var transaction) ? transaction : null;
        }
    }

    /// <summary>Puts a transaction back to be looked at again after the wait.</summary>
    public void Return(OpenTransaction transaction)
    {
        lock (gate)
        {
            transaction.Due = time.GetUtcNow() + commitWait;
            open[transaction.Correlation] = transaction;
        }
    }

    /// <summary>Takes out the transactions whose commit note is overdue.</summary>
    public IReadOnlyList<OpenTransaction> TakeOverdue()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var overdue = open.Values.Where(t => t.Due <= now).ToList();
            foreach (var transaction in overdue)
            {
                open.Remove(transaction.Correlation);
            }

            return overdue;
        }
    }
}
