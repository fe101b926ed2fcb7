namespace DualWrite.Environments.Demo;

/// <summary>
/// Draws from a seeded <see cref="Random"/>, so that every start of a demo environment holds the same data and
/// tests can name rows they expect.
/// </summary>
internal static class DemoRandom
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>A whole multiple of <paramref name="step"/> between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static decimal Amount(this Random random, int min, int max, int step) =>
        (decimal)random.Next(min / step, (max / step) + 1) * step;

    /// <summary>A coordinate near <paramref name="centre"/>, as far as a town's own streets reach.</summary>
    public static decimal Near(this Random random, decimal centre, int decimals) =>
        Math.Round(centre + (decimal)((random.NextDouble() - 0.5) * 0.1), decimals, MidpointRounding.AwayFromZero);

    /// <summary>A version 4 GUID from the seeded bytes, so it looks like the ids Dataverse hands out.</summary>
    public static Guid NextGuid(this Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
