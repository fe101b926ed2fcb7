using System.Net;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;

namespace DualWrite.Server.Tests.Admin;

/// <summary>One story over one runtime: Run with initial sync, then pause, queue, resume and the catch-up errors it leaves.</summary>
public sealed class AdminActionTests : RuntimePerTest
{
    private const string Groups = "Customer groups";
    [Fact]
    public async Task Run_pause_resume_and_stop_move_the_maps_and_the_queue_and_catch_up_errors_show_what_waited()
    {
        var run = await AdminAssert.JsonAsync(await Admin.PostJsonAsync("api/v1/actions/run", new
        {
            maps = new object[] { new { map = "Legal entities", initialSync = false }, new { map = "terms of payment", initialSync = true }, new { map = Groups, initialSync = true } },
            master = "FinOps",
            rerun = "Everything",
        }));
        Assert.Equal(["Legal entities", "Terms of payment", Groups], run.GetProperty("maps").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal("Running", run.GetProperty("maps")[0].GetProperty("state").GetString());
        await Harness.WaitForStateAsync(Groups, Runtime.Lifecycle.MapState.Running);

        var sync = await AdminAssert.JsonAsync(await Admin.GetAsync(AdminAssert.Map(Groups) + "/initial-sync"));
        Assert.Equal("Completed", sync.GetProperty("status").GetString());
        Assert.Equal("FinOps", sync.GetProperty("master").GetString());
        Assert.Equal("usmf", Assert.Single(sync.GetProperty("companies").EnumerateArray()).GetProperty("company").GetString());
        var toDataverse = sync.GetProperty("totals").GetProperty("toDataverse");
        Assert.True(toDataverse.GetProperty("created").GetInt64() > 0);
        Assert.Equal(
            toDataverse.GetProperty("read").GetInt64(),
            new[] { "created", "updated", "unchanged", "skipped", "failed" }.Sum(count => toDataverse.GetProperty(count).GetInt64()));
        var rowErrors = await AdminAssert.JsonAsync(await Admin.GetAsync(AdminAssert.Map(Groups) + "/initial-sync/errors?offset=0&limit=10"));
        var csv = await Admin.GetAsync(AdminAssert.Map(Groups) + "/initial-sync/errors.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("company,direction,key,field,message,at", lines[0]);
        Assert.Equal(rowErrors.GetProperty("total").GetInt64(), lines.Length - 1);

        var paused = await AdminAssert.JsonAsync(await Admin.PostJsonAsync("api/v1/actions/pause", new { maps = new[] { Groups } }));
        Assert.Equal("Paused", Assert.Single(paused.GetProperty("maps").EnumerateArray()).GetProperty("state").GetString());
        await RenameAsync("10", "First");
        await RenameAsync("20", "Other");
        await RenameAsync("10", "Second");

        var queue = await AdminAssert.JsonAsync(await Admin.GetAsync("api/v1/queue"));
        var lane = Assert.Single(queue.GetProperty("maps").EnumerateArray());
        Assert.Equal(3, lane.GetProperty("count").GetInt64());
        Assert.True(queue.GetProperty("bound").GetProperty("usedBytes").GetInt64() > 0);
        var all = await AdminAssert.JsonAsync(await Admin.GetAsync(AdminAssert.Map(Groups) + "/queue"));
        var key = all.GetProperty("items")[0].GetProperty("key").GetString()!;
        var one = await AdminAssert.JsonAsync(await Admin.GetAsync(AdminAssert.Map(Groups) + $"/queue?key={Uri.EscapeDataString(key)}&limit=1"));
        Assert.Equal(2, one.GetProperty("total").GetInt64());
        Assert.Equal("Update", one.GetProperty("items")[0].GetProperty("operation").GetString());
        Assert.Equal("FinOps", one.GetProperty("items")[0].GetProperty("source").GetString());
        Assert.Equal(3, (await AdminAssert.JsonAsync(await Admin.GetAsync(AdminAssert.Map(Groups)))).GetProperty("queue").GetProperty("count").GetInt64());

        var resumed = await AdminAssert.JsonAsync(await Admin.PostJsonAsync("api/v1/actions/resume", new { maps = new[] { Groups }, mode = "KeepAsCatchUpErrors" }));
        Assert.Equal("Running", resumed.GetProperty("maps")[0].GetProperty("state").GetString());
        var errors = await AdminAssert.JsonAsync(await Admin.GetAsync(AdminAssert.Map(Groups) + "/catch-up-errors?limit=2"));
        Assert.Equal(3, errors.GetProperty("total").GetInt64());
        var first = errors.GetProperty("items")[0];
        Assert.Equal(key, first.GetProperty("key").GetString());

        var dismissed = await AdminAssert.JsonAsync(await Admin.PostJsonAsync(AdminAssert.Map(Groups) + "/catch-up-errors/dismiss", new { sequences = new[] { first.GetProperty("sequence").GetInt64() } }));
        Assert.Equal(1, dismissed.GetProperty("count").GetInt64());
        var retried = await AdminAssert.JsonAsync(await Admin.PostJsonAsync(AdminAssert.Map(Groups) + "/catch-up-errors/retry", new { }));
        Assert.Equal(2, retried.GetProperty("count").GetInt64());
        Assert.Equal(0, (await AdminAssert.JsonAsync(await Admin.GetAsync(AdminAssert.Map(Groups) + "/catch-up-errors"))).GetProperty("total").GetInt64());
        var activity = await AdminAssert.JsonAsync(await Admin.GetAsync(AdminAssert.Map(Groups) + "/activity?limit=5"));
        Assert.Contains(activity.EnumerateArray(), a => a.GetProperty("action").GetString() == "Retry" && a.GetProperty("who").GetString() == "admin");
        Assert.Contains(activity.EnumerateArray(), a => a.GetProperty("action").GetString() == "Pause" && a.GetProperty("who").GetString() == "admin");

        var stopped = await AdminAssert.JsonAsync(await Admin.PostJsonAsync("api/v1/actions/stop", new { maps = new[] { Groups, "Terms of payment" } }));
        Assert.All(stopped.GetProperty("maps").EnumerateArray(), m => Assert.Equal("NotRunning", m.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task An_action_a_map_does_not_allow_fails_whole_with_409_and_a_bad_body_or_unknown_map_changes_nothing()
    {
        await AdminAssert.JsonAsync(await Admin.PostJsonAsync("api/v1/actions/run", new { maps = new[] { new { map = "Legal entities", initialSync = false } } }));

        var refused = await AdminAssert.ProblemAsync(await Admin.PostJsonAsync("api/v1/actions/pause", new { maps = new[] { "Legal entities", "Currencies" } }), HttpStatusCode.Conflict, "state-conflict");
        Assert.Contains("'Currencies' is Not running", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AdminAssert.ProblemAsync(await Admin.PostJsonAsync("api/v1/actions/skip-to-live", new { maps = new[] { "Legal entities" }, keepAsCatchUpErrors = true }), HttpStatusCode.Conflict, "state-conflict");
        await AdminAssert.ProblemAsync(await Admin.PostJsonAsync("api/v1/actions/stop", new { maps = new[] { "Legal entities", "Nothing" } }), HttpStatusCode.NotFound, "map-not-found");

        var badValue = await AdminAssert.ProblemAsync(
            await Admin.PostTextAsync("api/v1/actions/run", """{"maps":[{"map":"Currencies","initialSync":"yes"}]}"""), HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal("$.maps[0].initialSync", badValue.GetProperty("property").GetString());
        var missing = await AdminAssert.ProblemAsync(await Admin.PostTextAsync("api/v1/actions/pause", "{}"), HttpStatusCode.BadRequest, "bad-request");
        Assert.Contains("maps", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AdminAssert.ProblemAsync(await Admin.PostJsonAsync("api/v1/actions/pause", new { maps = Array.Empty<string>() }), HttpStatusCode.BadRequest, "bad-request");

        var states = await Harness.Runtime.Store.GetStatesAsync(CancellationToken.None);
        Assert.Equal(Runtime.Lifecycle.MapState.Running, states["Legal entities"]);
        Assert.False(states.ContainsKey("Currencies"));
    }

    private async Task RenameAsync(string group, string description) =>
        Assert.True((await Harness.FinOps.WriteAsync(
            [FinOpsWrite.Update("CustomerGroups", RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", group)), new Row { ["Description"] = description })],
            atomic: true,
            CancellationToken.None))[0].Success);
}
