using DualWrite.Cli.Output;

namespace DualWrite.Cli.Tests;

public sealed class SpanWordsTests
{
    [Theory]
    [InlineData(600, "10 minutes")]
    [InlineData(90, "1 minute 30 seconds")]
    [InlineData(3600, "1 hour")]
    [InlineData(86_400 + 5400, "1 day 1 hour 30 minutes")]
    [InlineData(1, "1 second")]
    [InlineData(0.5, "0.5 seconds")]
    public void A_window_reads_in_the_largest_units_it_fills(double seconds, string words) =>
        Assert.Equal(words, SpanWords.Of(TimeSpan.FromSeconds(seconds)));
}
