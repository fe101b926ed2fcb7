using System.Net;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Server.Tests.Admin;

/// <summary>Changes to the link, each test over a runtime of its own since they change what the others would read.</summary>
public sealed class AdminConnectionTests : RuntimePerTest
{
    [Fact]
    public async Task Companies_are_added_and_removed_and_the_last_one_is_kept()
    {
        var added = await AdminAssert.JsonAsync(await Admin.PostJsonAsync("api/v1/connection/companies", new { code = "GBSI", skipInitialSync = true }));
        Assert.Equal(["usmf", "gbsi"], added.GetProperty("companies").EnumerateArray().Select(c => c.GetString()));

        var unknown = await AdminAssert.ProblemAsync(await Admin.PostJsonAsync("api/v1/connection/companies", new { code = "zzzz" }), HttpStatusCode.Conflict, "link-refused");
        Assert.Contains("'zzzz'", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var removed = await AdminAssert.JsonAsync(await Admin.DeleteAsync("api/v1/connection/companies/usmf"));
        Assert.Equal(["gbsi"], removed.GetProperty("companies").EnumerateArray().Select(c => c.GetString()));
        await AdminAssert.ProblemAsync(await Admin.DeleteAsync("api/v1/connection/companies/gbsi"), HttpStatusCode.Conflict, "link-refused");
    }

    [Fact]
    public async Task Reset_names_the_running_maps_unless_forced_and_the_link_can_then_be_made_again()
    {
        await AdminAssert.JsonAsync(await Admin.PostJsonAsync("api/v1/actions/run", new { maps = new[] { new { map = "Legal entities", initialSync = false } } }));
        var link = new
        {
            finOps = Harness.FinOpsEmulator.Address(),
            dataverse = Harness.DataverseEmulator.Address(),
            hookBaseUrl = Harness.Server.BaseAddress,
            companies = new[] { "usmf" },
        };
        var twice = await AdminAssert.ProblemAsync(await Admin.PostJsonAsync("api/v1/connection", link), HttpStatusCode.Conflict, "link-refused");
        Assert.Contains("already linked", twice.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var refused = await AdminAssert.ProblemAsync(await Admin.PostJsonAsync("api/v1/connection/reset", new { force = false }), HttpStatusCode.Conflict, "link-refused");
        Assert.Contains("'Legal entities' is Running", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var reset = await AdminAssert.JsonAsync(await Admin.PostJsonAsync("api/v1/connection/reset", new { force = true }));
        Assert.Equal(["Legal entities"], reset.GetProperty("stopped").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(0, reset.GetProperty("leftBehind").GetArrayLength());
        await AdminAssert.ProblemAsync(await Admin.GetAsync("api/v1/connection"), HttpStatusCode.NotFound, "not-linked");
        await AdminAssert.ProblemAsync(await Admin.GetAsync("api/v1/environments"), HttpStatusCode.NotFound, "not-linked");
        var health = await AdminAssert.JsonAsync(await Admin.GetAsync("api/v1/connection/health"));
        Assert.Equal("DWH101", Assert.Single(health.GetProperty("findings").EnumerateArray()).GetProperty("code").GetString());

        var linked = await AdminAssert.JsonAsync(await Admin.PostJsonAsync("api/v1/connection", link), HttpStatusCode.Created);
        Assert.Equal("admin", linked.GetProperty("linkedBy").GetString());
        Assert.Equal(MapState.NotRunning, await Harness.Runtime.Store.GetStateAsync("Legal entities", CancellationToken.None));
    }
}
