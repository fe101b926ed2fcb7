using System.Collections.Concurrent;
using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Monitoring;
using Xunit.Abstractions;

namespace DualWrite.Server.Tests.LiveSync;

public sealed class ConcurrentWritersTests(ITestOutputHelper output)
{
    private const string Groups = "Customer groups";
    private const int Keys = 200;
    private const int WritersPerSide = 8;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Eight_writers_on_each_side_updating_the_same_rows_leave_both_sides_identical()
    {
        await using var harness = await ServerHarness.StartAsync();
        await harness.Runtime.StartAsync(new RunRequest([new RunItem("Legal entities", InitialSync: false), new RunItem("Terms of payment"), new RunItem(Groups)]), "ana", CancellationToken.None);
        await harness.WaitForStateAsync(Groups, MapState.Running);
        var usmf = (await harness.Dataverse.CompanyIdAsync("usmf", CancellationToken.None))!.Value;
        var created = await harness.FinOps.WriteAsync(
            Enumerable.Range(0, Keys).Select(i => FinOpsWrite.Create("CustomerGroups", new Row { ["dataAreaId"] = "usmf", ["CustomerGroupId"] = Id(i), ["Description"] = "start" })).ToArray(),
            atomic: true,
            CancellationToken.None);
        Assert.All(created, c => Assert.True(c.Success, c.Message));

        var acknowledged = new ConcurrentDictionary<string, bool>();
        var refusals = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource(Duration);
        var writers = Enumerable.Range(0, WritersPerSide).SelectMany(w => (Task[])
        [
            WriteUntilAsync(w, "fo", async (key, value) =>
            {
                var outcome = (await harness.FinOps.WriteAsync([FinOpsWrite.Update("CustomerGroups", RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", key)), new Row { ["Description"] = value })], atomic: true, CancellationToken.None))[0];
                return (outcome.Success, outcome.Message);
            }, acknowledged, refusals, stop.Token),
            WriteUntilAsync(w, "dv", async (key, value) =>
            {
                var address = DataverseKey.ByAlternateKey(("msdyn_groupid", key), ("msdyn_company", usmf));
                var outcome = (await harness.Dataverse.WriteAsync([new DataverseWrite("msdyn_customergroup", DataverseOperation.Update, address, new Row { ["msdyn_description"] = value })], atomic: true, CancellationToken.None))[0];
                return (outcome.Success, outcome.Message);
            }, acknowledged, refusals, stop.Token),
        ]).ToArray();
        await Task.WhenAll(writers);

        var finOps = await DescriptionsInFinOpsAsync(harness);
        var dataverse = await DescriptionsInDataverseAsync(harness, usmf);
        Assert.Equal(Keys, finOps.Count);
        Assert.Equal(finOps, dataverse);

        // Every row ends with a value some writer was told was saved; no refused write left a trace.
        Assert.All(finOps, row => Assert.True(row.Value == "start" || acknowledged.ContainsKey(row.Value), $"{row.Key} ends with '{row.Value}', which no writer was told was saved"));
        var saved = acknowledged.Keys.GroupBy(v => v[..2]).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"saved: F&O {saved.GetValueOrDefault("fo")}, Dataverse {saved.GetValueOrDefault("dv")}; refused: {refusals.Count}");
        Assert.True(saved.GetValueOrDefault("fo") > 0 && saved.GetValueOrDefault("dv") > 0,
            $"writes saved: F&O {saved.GetValueOrDefault("fo")}, Dataverse {saved.GetValueOrDefault("dv")}; refused {refusals.Count}, such as: {string.Join(" | ", refusals.Distinct().Take(3))}");
        Assert.All(refusals, r => Assert.Contains("try again", r, StringComparison.Ordinal));
        var errors = await harness.Runtime.Store.SearchErrorsAsync(new ErrorQuery { Limit = 100_000 }, CancellationToken.None);
        Assert.All(errors, e => Assert.Equal(ErrorType.Concurrency, e.Type));
    }

    private static string Id(int i) => "C" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One writer: random rows, each value unique, until told to stop; what was saved and what was refused.</summary>
    private static async Task WriteUntilAsync(
        int writer, string side, Func<string, string, Task<(bool Success, string? Message)>> write, ConcurrentDictionary<string, bool> acknowledged, ConcurrentBag<string> refusals, CancellationToken stop)
    {
        var random = new Random(writer * 31 + side.Length);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var value = $"{side}-{writer}-{n}";
            var (success, message) = await write(Id(random.Next(Keys)), value);
            if (success)
            {
                acknowledged[value] = true;
            }
            else
            {
                refusals.Add(message ?? string.Empty);
            }
        }
    }

    private static async Task<SortedDictionary<string, string>> DescriptionsInFinOpsAsync(ServerHarness harness)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var page in harness.FinOps.ReadPagesAsync("CustomerGroups", new FinOpsQuery { Company = "usmf", Filter = "startswith(CustomerGroupId,'C')" }, CancellationToken.None))
        {
            foreach (var row in page)
            {
                rows[(string)row["CustomerGroupId"]!] = (string)row["Description"]!;
            }
        }

        return rows;
    }

    private static async Task<SortedDictionary<string, string>> DescriptionsInDataverseAsync(ServerHarness harness, Guid usmf)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var page in harness.Dataverse.ReadPagesAsync("msdyn_customergroup", new DataverseQuery { Filter = $"startswith(msdyn_groupid,'C') and _msdyn_company_value eq {usmf}" }, CancellationToken.None))
        {
            foreach (var row in page)
            {
                rows[(string)row["msdyn_groupid"]!] = (string)row["msdyn_description"]!;
            }
        }

        return rows;
    }
}
