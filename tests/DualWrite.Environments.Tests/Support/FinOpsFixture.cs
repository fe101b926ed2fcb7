using DualWrite.Environments.Hosting;

namespace DualWrite.Environments.Tests.Support;

/// <summary>One F&amp;O environment shared by the tests of a class; each test uses keys of its own.</summary>
public sealed class FinOpsFixture : IAsyncLifetime
{
    internal TestEnvironment Environment { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment = await TestEnvironment.StartAsync(EnvironmentKind.FinOps);
        using var admin = await Environment.ClientAsync("admin");
        foreach (var company in (string[])["usmf", "gbsi"])
        {
            using var response = await admin.PostAsync("LegalEntities", TestEnvironment.Json(new { LegalEntityId = company, Name = company.ToUpperInvariant() }));
            response.EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync() => await Environment.DisposeAsync();
}
