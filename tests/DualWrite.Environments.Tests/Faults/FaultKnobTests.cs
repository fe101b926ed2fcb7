using System.Net;
using DualWrite.Environments.Faults;
using DualWrite.Environments.Hosting;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.Faults;

public sealed class FaultKnobTests
{
    [Fact]
    public async Task A_throttle_share_answers_that_share_of_requests_with_429_and_retry_after()
    {
        await using var env = await TestEnvironment.StartAsync(EnvironmentKind.FinOps);
        await env.SetFaultsAsync(new FaultSettings { ThrottleShare = 0.25, RetryAfterSeconds = 7 });
        using var client = await env.ClientAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await client.GetAsync("LegalEntities");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
            }
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Refusing_connections_drops_requests_until_it_is_turned_off_and_latency_delays_them()
    {
        await using var env = await TestEnvironment.StartAsync(EnvironmentKind.Dataverse);
        using var client = await env.ClientAsync();
        await env.SetFaultsAsync(new FaultSettings { RefuseConnections = true });
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("accounts"));

        await env.SetFaultsAsync(new FaultSettings { LatencyMilliseconds = 200 });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("accounts")).StatusCode);
        Assert.True(clock.ElapsedMilliseconds >= 200, $"answered after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Only_an_administrator_may_set_the_knobs_and_nonsense_values_are_refused()
    {
        await using var env = await TestEnvironment.StartAsync(EnvironmentKind.FinOps);
        using var app = await env.ClientAsync("app");
        var url = new Uri(env.Running.BaseAddress, "_emulator/faults");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.PutAsync(url, TestEnvironment.Json(new { throttleShare = 1 }))).StatusCode);
        using var admin = await env.ClientAsync("admin");
        using var bad = await admin.PutAsync(url, TestEnvironment.Json(new { throttleShare = 2 }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("throttleShare", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
