namespace DualWrite.Server.Tests.Admin;

/// <summary>A linked runtime of each test's own, for tests that change what others would read, with the administrator's client.</summary>
public abstract class RuntimePerTest : IAsyncLifetime
{
    internal ServerHarness Harness { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await ServerHarness.StartAsync();
        Admin = Harness.AdminClient("admin");
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
