using DualWrite.Browser.Tests.Browser;

namespace DualWrite.Browser.Tests;

/// <summary>One browser and one runtime for every test of the collection: starting Chromium and both environments is the slow part.</summary>
public sealed class AdminUiFixture : IAsyncLifetime
{
    internal Chromium Browser { get; private set; } = null!;

    internal RuntimeUnderTest Runtime { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Browser = Chromium.Start();
        Runtime = await RuntimeUnderTest.StartAsync();
    }

    public async Task DisposeAsync()
    {
        Browser?.Dispose();
        if (Runtime is not null)
        {
            await Runtime.DisposeAsync();
        }
    }
}
