namespace DualWrite.Server.Tests.Admin;

/// <summary>A linked runtime shared by the tests of one class, with admin API clients for the administrator, the reader and no one.</summary>
public sealed class AdminFixture : IAsyncLifetime
{
    internal ServerHarness Harness { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await ServerHarness.StartAsync();
        Admin = Harness.AdminClient("admin");
        Reader = Harness.AdminClient("reader");
        Anonymous = Harness.AdminClient(null);
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
