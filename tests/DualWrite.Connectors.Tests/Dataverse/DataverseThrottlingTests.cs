using System.Globalization;
using DualWrite.Connectors.Dataverse;
using DualWrite.Testing;
using DualWrite.Core.Rows;
using DualWrite.Environments.Faults;
using DualWrite.Environments.Hosting;

namespace DualWrite.Connectors.Tests.Dataverse;

public sealed class DataverseThrottlingTests
{
    [Fact]
    public async Task A_fifth_of_requests_throttled_changes_nothing_in_what_is_read_and_written()
    {
        await using var emulator = await Emulator.StartAsync(EnvironmentKind.Dataverse);
        await emulator.SetFaultsAsync(new FaultSettings { ThrottleShare = 0.2, RetryAfterSeconds = 0 });
        var transport = emulator.Transport();
        var client = new DataverseClient(transport, emulator.Schema);

        var usmf = await client.EnsureCompanyAsync("usmf", "Contoso USA", CancellationToken.None);
        Assert.Equal(usmf, await client.EnsureCompanyAsync("usmf", null, CancellationToken.None));
        var numbers = Enumerable.Range(1, 120).Select(i => string.Create(CultureInfo.InvariantCulture, $"TH-{i:D3}")).ToArray();
        for (var batch = 0; batch < 6; batch++)
        {
            var writes = numbers.Skip(batch * 20).Take(20).Select(n => Accounts.Upsert(n, usmf, "Throttled " + n, ("creditlimit", 10m))).ToArray();
            await Accounts.WriteAllAsync(client, writes, atomic: batch % 2 == 0);
        }

        var updates = await client.WriteAsync(
            numbers.Select(n => new DataverseWrite("account", DataverseOperation.Update, Accounts.Key(n, usmf), new Row { ["creditlimit"] = 20m })).ToArray(),
            atomic: true,
            CancellationToken.None);
        Assert.All(updates, o => Assert.True(o.Success, o.Message));

        var pages = 0;
        var rows = new List<Row>();
        await foreach (var page in client.ReadPagesAsync("account", new DataverseQuery { OrderBy = ["accountnumber"], Expand = ["msdyn_company.cdm_companycode"], PageSize = 25 }, CancellationToken.None))
        {
            pages++;
            rows.AddRange(page);
        }

        Assert.Equal(5, pages);
        Assert.Equal(numbers, rows.Select(r => (string?)r["accountnumber"]));
        Assert.All(rows, r => Assert.Equal(20m, r["creditlimit"]));
        Assert.All(rows, r => Assert.Equal("usmf", r["msdyn_company.cdm_companycode"]));
        Assert.Equal(usmf, await client.CompanyIdAsync("USMF", CancellationToken.None));
        Assert.Single(await Accounts.ReadAllAsync(client, "cdm_company", DataverseQuery.All));
        Assert.True(transport.Statistics.Throttled > 0, transport.Statistics.ToString());
        Assert.Equal(0, transport.Statistics.Failed);
    }
}
