using DualWrite.Connectors.FinOps;
using DualWrite.Testing;
using DualWrite.Environments.Hosting;

namespace DualWrite.Connectors.Tests.FinOps;

/// <summary>
/// One emulated F&amp;O shared by the tests of a class: with demo data (usmf, gbsi and dat, 300 customers each)
/// for the reading tests, empty but for the <c>dat</c> company for the writing ones.
/// </summary>
public abstract class FinOpsEnvironment(bool demo) : IAsyncLifetime
{
    private Emulator? emulator;

    internal Emulator Emulator => emulator ?? throw new InvalidOperationException("the environment has not started");

    /// <summary>A client as the integration's own principal, <c>dualwrite</c>.</summary>
    public FinOpsClient Client { get; private set; } = null!;

    /// <summary>A client as another principal, <c>app</c>: a user of F&amp;O whose writes fire the sync hooks.</summary>
    public FinOpsClient AppClient { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        emulator = await Emulator.StartAsync(EnvironmentKind.FinOps, demo);
        Client = NewClient("dualwrite");
        AppClient = NewClient("app");
    }

    public async Task DisposeAsync()
    {
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
    }

    internal FinOpsClient NewClient(string principal) => new(Emulator.Transport(principal), Emulator.Schema);
}
