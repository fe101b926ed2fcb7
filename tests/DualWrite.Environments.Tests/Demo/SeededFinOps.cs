using DualWrite.Environments.Demo;

namespace DualWrite.Environments.Tests.Demo;

/// <summary>One F&amp;O environment seeded with the default demo data, shared by the tests that only read it.</summary>
public sealed class SeededFinOps : IAsyncLifetime
{
    internal TempEnvironment Environment { get; } = new("finops");

    internal DemoDataSummary Summary { get; private set; } = null!;

    public async Task InitializeAsync() => Summary = await FinOpsDemoData.SeedAsync(Environment.Store, TempEnvironment.Actor);

    public Task DisposeAsync()
    {
        Environment.Dispose();
        return Task.CompletedTask;
    }
}
