using DualWrite.Connectors.Dataverse;
using DualWrite.Runtime;
using DualWrite.Runtime.Connection;
using Microsoft.Data.Sqlite;

namespace DualWrite.Server.Tests.Monitoring;

public sealed class HealthCheckTests : IAsyncLifetime
{
    private ServerHarness harness = null!;

    public async Task InitializeAsync() => harness = await ServerHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_fresh_link_with_the_out_of_box_maps_is_healthy()
    {
        var findings = await harness.Runtime.CheckHealthAsync(CancellationToken.None);

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public async Task A_hook_removed_and_a_company_deleted_are_reported_with_their_codes_and_fixes()
    {
        var hook = Assert.Single(await harness.FinOps.ListHooksAsync(CancellationToken.None));
        await harness.FinOps.RemoveHookAsync(hook.Id, CancellationToken.None);
        var usmf = (await harness.Dataverse.CompanyIdAsync("usmf", CancellationToken.None))!.Value;
        var deleted = await harness.Dataverse.WriteAsync([new DataverseWrite("cdm_company", DataverseOperation.Delete, DataverseKey.ById(usmf))], atomic: true, CancellationToken.None);
        Assert.True(deleted[0].Success, deleted[0].Message);

        var findings = await harness.Runtime.CheckHealthAsync(CancellationToken.None);

        Assert.Equal(["DWH104", "DWH108"], findings.Select(f => f.Code).Order());
        Assert.All(findings, f => Assert.Null(f.Map));
        Assert.Contains("Reset the link and link again", findings.Single(f => f.Code == "DWH104").Fix, StringComparison.Ordinal);
        Assert.Contains("'usmf' has no cdm_company row in Dataverse", findings.Single(f => f.Code == "DWH108").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hook_address_where_no_runtime_answers_is_reported()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dualwrite-server-tests", Guid.NewGuid().ToString("N"));
        await using (var runtime = await DualWriteRuntime.OpenAsync(new RuntimeOptions { StorePath = Path.Combine(folder, "runtime.db") }, harness.FinOpsEmulator.Schema, harness.DataverseEmulator.Schema))
        {
            // Nothing listens on port 9 of the loopback: no hook call would be answered.
            await runtime.Connection.LinkAsync(new LinkRequest(harness.FinOpsEmulator.Address(), harness.DataverseEmulator.Address(), new Uri("http://127.0.0.1:9/")) { Companies = ["gbsi"] }, "tester", CancellationToken.None);

            var finding = Assert.Single(await runtime.CheckHealthAsync(CancellationToken.None));

            Assert.Equal("DWH106", finding.Code);
            Assert.Contains("http://127.0.0.1:9/hooks/finops does not take calls", finding.Message, StringComparison.Ordinal);
            await runtime.Connection.ResetAsync(force: true, CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
