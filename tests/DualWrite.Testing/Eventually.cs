using System.Diagnostics;

namespace DualWrite.Testing;

/// <summary>
/// Waits for something the system under test does by itself: a map reaching a state, a process listening. The
/// limit only guards against a hang and is generous; it is kept on a monotonic clock, not the time of day.
/// </summary>
public static class Eventually
{
    /// <returns>Whether <paramref name="condition"/> held before <paramref name="within"/> passed.</returns>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan within, TimeSpan? every = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > within)
            {
                return false;
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(100));
        }

        return true;
    }
}
