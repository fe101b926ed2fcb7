using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace DualWrite.Runtime.InitialSync;

/// <summary>
/// Reads a stream ahead of its consumer, up to a bound. A merge join takes one row of each side in turn, so without
/// it each side's next page is asked for only once the rows before it have been compared or written, and the two
/// sides' reads never overlap each other or the work on the rows.
/// </summary>
internal static class ReadAhead
{
    /// <param name="source">The stream to read ahead; read on a task of its own.</param>
    /// <param name="capacity">How many items may wait to be taken: memory stays bounded by it, whatever the stream's length.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The same items in the same order; an error of the source comes out where its item would have.</returns>
    public static async IAsyncEnumerable<T> RunAsync<T>(IAsyncEnumerable<T> source, int capacity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => PumpAsync(source, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            // A consumer that stops early (or fails) stops the reading too, and waits for it, so nothing reads on.
            await stop.CancelAsync();
            await reading;
        }
    }

    private static async Task PumpAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<T> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(item, cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            // Handed to the consumer, which throws it when it reaches this point of the stream.
            writer.Complete(e);
        }
    }
}
