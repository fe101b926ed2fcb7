using System.Runtime.CompilerServices;
using DualWrite.Runtime.InitialSync;

namespace DualWrite.Runtime.Tests.InitialSync;

public sealed class ReadAheadTests
{
    [Fact]
    public async Task Every_item_comes_in_order()
    {
        var items = await ReadAhead.RunAsync(Numbers(10_000), capacity: 7).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 10_000), items);
    }

    [Fact]
    public async Task The_source_is_read_ahead_of_the_consumer_up_to_the_bound_and_no_further()
    {
        var source = new CountingSource(100);
        await using var reader = ReadAhead.RunAsync(source.ReadAsync(), capacity: 5).GetAsyncEnumerator();

        Assert.True(await reader.MoveNextAsync());

        // The first item taken, five wait and the reader holds one more it cannot yet hand over: seven read in all.
        Assert.True(await Testing.Eventually.HoldsAsync(() => Task.FromResult(source.Read == 7), TimeSpan.FromSeconds(10)), $"{source.Read} items read");
        await Task.Delay(50);
        Assert.Equal(7, source.Read);
    }

    [Fact]
    public async Task An_error_of_the_source_comes_out_after_the_items_before_it()
    {
        var taken = new List<int>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in ReadAhead.RunAsync(FailingAfter(3), capacity: 10))
            {
                taken.Add(item);
            }
        });

        Assert.Equal([0, 1, 2], taken);
        Assert.Equal("the page could not be read", error.Message);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_stops_the_reading()
    {
        var source = new CountingSource(1_000_000);
        await foreach (var item in ReadAhead.RunAsync(source.ReadAsync(), capacity: 10))
        {
            if (item == 3)
            {
                break;
            }
        }

        var read = source.Read;
        await Task.Delay(50);
        Assert.Equal(read, source.Read);
        Assert.True(source.Disposed, "the source's enumerator was not disposed");
    }

    private static async IAsyncEnumerable<int> Numbers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 0)
            {
                await Task.Yield();
            }

            yield return i;
        }
    }

    private static async IAsyncEnumerable<int> FailingAfter(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }

        throw new InvalidOperationException("the page could not be read");
    }

    private sealed class CountingSource(int count)
    {
        private int read;

        public int Read => Volatile.Read(ref read);

        public bool Disposed { get; private set; }

        public async IAsyncEnumerable<int> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                    Interlocked.Increment(ref read);
                    yield return i;
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }
}
