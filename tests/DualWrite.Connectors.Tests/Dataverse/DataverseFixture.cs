using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.Http;
using DualWrite.Testing;
using DualWrite.Environments.Hosting;

namespace DualWrite.Connectors.Tests.Dataverse;

/// <summary>
/// One empty Dataverse environment shared by the tests of a class, with the company <c>usmf</c> in it. Tests keep
/// out of each other's way by writing rows with account numbers of their own.
/// </summary>
public sealed class DataverseFixture : IAsyncLifetime
{
    private Emulator? emulator;

    internal Emulator Emulator => emulator ?? throw new InvalidOperationException("the environment has not started");

    internal ODataTransport Transport { get; private set; } = null!;

    internal DataverseClient Client { get; private set; } = null!;

    internal Guid Usmf { get; private set; }

    public async Task InitializeAsync()
    {
        emulator = await Emulator.StartAsync(EnvironmentKind.Dataverse);
        Transport = emulator.Transport();
        Client = new DataverseClient(Transport, emulator.Schema);
        Usmf = await Client.EnsureCompanyAsync("usmf", "Contoso Entertainment System USA", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
    }
}
