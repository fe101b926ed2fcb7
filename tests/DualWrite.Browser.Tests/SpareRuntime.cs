namespace DualWrite.Browser.Tests;

/// <summary>
/// A runtime of one test class's own, for a test that would take away what the other tests of the shared runtime
/// rely on, such as resetting the link.
/// </summary>
public sealed class SpareRuntime : IAsyncLifetime
{
    internal RuntimeUnderTest Runtime { get; private set; } = null!;

    public async Task InitializeAsync() => Runtime = await RuntimeUnderTest.StartAsync();

    public async Task DisposeAsync()
    {
        if (Runtime is not null)
        {
            await Runtime.DisposeAsync();
        }
    }
}
