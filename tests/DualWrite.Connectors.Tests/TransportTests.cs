using DualWrite.Connectors.Http;
using DualWrite.Testing;
using DualWrite.Environments.Faults;
using DualWrite.Environments.Hosting;

namespace DualWrite.Connectors.Tests;

public sealed class TransportTests
{
    [Fact]
    public async Task Throttled_requests_wait_and_try_again_and_are_counted()
    {
        await using var emulator = await Emulator.StartAsync(EnvironmentKind.FinOps);
        await emulator.SetFaultsAsync(new FaultSettings { ThrottleShare = 0.5, RetryAfterSeconds = 0 });
        var transport = emulator.Transport();

        for (var i = 0; i < 10; i++)
        {
            using var page = await transport.GetJsonAsync("LegalEntities", null, CancellationToken.None);
            Assert.Equal("dat", page.RootElement.GetProperty("value")[0].GetProperty("LegalEntityId").GetString());
        }

        Assert.True(transport.Statistics.Throttled >= 9, transport.Statistics.ToString());
        Assert.Equal(transport.Statistics.Throttled, transport.Statistics.Retried);
        Assert.Equal(0, transport.Statistics.Failed);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_final_failure_says_what_and_why()
    {
        await using var emulator = await Emulator.StartAsync(EnvironmentKind.Dataverse);
        await emulator.SetFaultsAsync(new FaultSettings { ThrottleShare = 1, RetryAfterSeconds = 0 });
        var transport = emulator.Transport(policy: new RetryPolicy(MaxAttempts: 3, MaxDelay: TimeSpan.FromMilliseconds(10)));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => transport.GetJsonAsync("accounts", null, CancellationToken.None));

        Assert.Equal(429, error.Status);
        Assert.Contains("GET", error.Message, StringComparison.Ordinal);
        Assert.Contains("accounts", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, transport.Statistics.Requests);
        Assert.Equal(2, transport.Statistics.Retried);
        Assert.Equal(1, transport.Statistics.Failed);
    }

    [Fact]
    public async Task A_wrong_secret_fails_with_the_identity_platforms_error_and_no_secret_in_the_message()
    {
        await using var emulator = await Emulator.StartAsync(EnvironmentKind.FinOps);
        var transport = emulator.Transport(secret: "not-the-secret");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => transport.GetJsonAsync("LegalEntities", null, CancellationToken.None));

        Assert.Equal("invalid_client", error.Code);
        Assert.DoesNotContain("not-the-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_environment_that_does_not_answer_is_a_clear_failure_after_bounded_tries()
    {
        await using var emulator = await Emulator.StartAsync(EnvironmentKind.FinOps);
        var transport = emulator.Transport(policy: new RetryPolicy(MaxAttempts: 2, NetworkBackoff: TimeSpan.FromMilliseconds(5)));
        using (await transport.GetJsonAsync("LegalEntities", null, CancellationToken.None))
        {
        }

        await emulator.SetFaultsAsync(new FaultSettings { RefuseConnections = true });
        var error = await Assert.ThrowsAsync<ConnectorException>(() => transport.GetJsonAsync("LegalEntities", null, CancellationToken.None));
        Assert.Contains("no answer", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Status);
    }
}
