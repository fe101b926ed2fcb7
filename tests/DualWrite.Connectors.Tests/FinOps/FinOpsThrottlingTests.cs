using DualWrite.Connectors.FinOps;
using DualWrite.Testing;
using DualWrite.Environments.Faults;
using DualWrite.Environments.Hosting;

namespace DualWrite.Connectors.Tests.FinOps;

public sealed class FinOpsThrottlingTests
{
    private static readonly FaultSettings OneInFive = new() { ThrottleShare = 0.2, RetryAfterSeconds = 0 };

    [Fact]
    public async Task Throttling_changes_nothing_in_paged_results()
    {
        await using var emulator = await Emulator.StartAsync(EnvironmentKind.FinOps, demo: true);
        var query = new FinOpsQuery { PageSize = 50 };
        var calm = await Client(emulator).ReadAllPagesAsync("CustomersV3", query);

        await emulator.SetFaultsAsync(OneInFive);
        var transport = emulator.Transport();
        var client = new FinOpsClient(transport, emulator.Schema);
        var throttled = await client.ReadAllPagesAsync("CustomersV3", query);
        var usmf = await client.ReadAllPagesAsync("CustomersV3", query with { Company = "usmf" });

        Assert.Equal(calm.SelectMany(p => p).Select(Rows.CustomerKey), throttled.SelectMany(p => p).Select(Rows.CustomerKey));
        Assert.Equal(
            calm.SelectMany(p => p).Select(r => r["CreditLimit"]),
            throttled.SelectMany(p => p).Select(r => r["CreditLimit"]));
        Assert.Equal(DemoFinOps.CustomersPerCompany, usmf.Sum(p => p.Count));
        Assert.Equal(3 * DemoFinOps.CustomersPerCompany, await client.CountAsync("CustomersV3", null, CancellationToken.None));
        Assert.True(transport.Statistics.Throttled >= 5, transport.Statistics.ToString());
        Assert.Equal(0, transport.Statistics.Failed);
    }

    [Fact]
    public async Task Throttling_changes_nothing_in_writes()
    {
        await using var emulator = await Emulator.StartAsync(EnvironmentKind.FinOps);
        await emulator.SetFaultsAsync(OneInFive);
        var transport = emulator.Transport();
        var client = new FinOpsClient(transport, emulator.Schema);

        for (var batch = 0; batch < 10; batch++)
        {
            var writes = Enumerable.Range(0, 10).Select(i => FinOpsWriteTests.Customer($"TH-{batch}-{i}")).ToArray();
            var outcomes = await client.WriteAsync(writes, atomic: batch % 2 == 0, CancellationToken.None);
            Assert.All(outcomes, o => Assert.True(o.Success, o.ToString()));
        }

        var hook = await client.RegisterHookAsync(["CustomersV3"], new Uri("http://127.0.0.1:9/unused"), "secret-of-an-unused-hook", CancellationToken.None);
        Assert.Contains(await client.ListHooksAsync(CancellationToken.None), h => h.Id == hook);
        await client.RemoveHookAsync(hook, CancellationToken.None);
        Assert.Equal(["dataAreaId", "CustomerAccount"], await client.ReadEntityKeyAsync("CustomersV3", CancellationToken.None));

        Assert.Equal(100, await client.CountAsync("CustomersV3", "dat", CancellationToken.None));
        var accounts = (await client.ReadAllPagesAsync("CustomersV3", new FinOpsQuery { Company = "dat", PageSize = 7 }))
            .SelectMany(p => p).Select(r => (string)r["CustomerAccount"]!).ToArray();
        Assert.Equal(100, accounts.Distinct().Count());
        Assert.True(transport.Statistics.Throttled >= 5, transport.Statistics.ToString());
        Assert.Equal(0, transport.Statistics.Failed);
    }

    private static FinOpsClient Client(Emulator emulator) => new(emulator.Transport(), emulator.Schema);
}
