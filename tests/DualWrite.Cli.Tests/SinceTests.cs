using DualWrite.Cli.Commands.Monitoring;

namespace DualWrite.Cli.Tests;

public sealed class SinceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("90s", "2026-03-01T11:58:30Z")]
    [InlineData("30m", "2026-03-01T11:30:00Z")]
    [InlineData("2h", "2026-03-01T10:00:00Z")]
    [InlineData("7d", "2026-02-22T12:00:00Z")]
    [InlineData("2026-02-01T08:00:00+02:00", "2026-02-01T06:00:00Z")]
    public void A_span_counts_back_from_now_and_a_time_is_taken_as_it_is(string text, string expected)
    {
        Assert.True(Since.TryParse(text, new FixedTime(Now), out var from));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), from);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-5m")]
    [InlineData("5w")]
    [InlineData("600")]
    [InlineData("3000000d")]
    [InlineData("1e300d")]
    public void Anything_else_does_not_read(string text) => Assert.False(Since.TryParse(text, new FixedTime(Now), out _));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
