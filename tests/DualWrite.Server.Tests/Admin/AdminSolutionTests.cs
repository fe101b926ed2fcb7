using System.Net;
using DualWrite.Core.Maps;

namespace DualWrite.Server.Tests.Admin;

public sealed class AdminSolutionTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private static readonly Solution OutOfBox = OutOfBoxSolution.Load();

    [Fact]
    public async Task A_newer_version_imports_once_and_a_broken_or_unreadable_file_is_refused_saying_why()
    {
        var newer = SolutionWriter.Write(OutOfBox with { Version = new FourPartVersion(1, 0, 1, 0) });

        var imported = await AdminAssert.JsonAsync(await fixture.Admin.PostTextAsync("api/v1/solutions", newer), HttpStatusCode.Created);
        Assert.Equal("1.0.1.0", imported.GetProperty("version").GetString());
        Assert.Equal(["1.0.0.0", "1.0.1.0"], (await AdminAssert.JsonAsync(await fixture.Reader.GetAsync("api/v1/solutions"))).EnumerateArray().Select(s => s.GetProperty("version").GetString()));
        Assert.Equal("Imported", (await AdminAssert.JsonAsync(await fixture.Reader.GetAsync(AdminAssert.Map("Currencies") + "/activity?limit=1")))[0].GetProperty("action").GetString());

        var again = await AdminAssert.ProblemAsync(await fixture.Admin.PostTextAsync("api/v1/solutions", newer), HttpStatusCode.Conflict, "solution-conflict");
        Assert.Contains("held already", again.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var broken = SolutionWriter.Write(OutOfBox with { Version = new FourPartVersion(2, 0, 0, 0), Maps = [OutOfBox.FindMap("Currencies")! with { IntegrationKey = [] }] });
        var refused = await AdminAssert.ProblemAsync(await fixture.Admin.PostTextAsync("api/v1/solutions", broken), (HttpStatusCode)422, "validation-failed");
        var finding = refused.GetProperty("findings")[0];
        Assert.Equal("DIPV1003", finding.GetProperty("code").GetString());
        Assert.Equal("Currencies", finding.GetProperty("map").GetString());
        Assert.Equal("List the columns of an alternate key in key.", finding.GetProperty("fix").GetString());

        var unreadable = await AdminAssert.ProblemAsync(await fixture.Admin.PostTextAsync("api/v1/solutions", "{\"name\": "), HttpStatusCode.BadRequest, "bad-request");
        Assert.Contains("not valid JSON", unreadable.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await AdminAssert.JsonAsync(await fixture.Reader.GetAsync("api/v1/solutions"))).GetArrayLength());
    }

    [Fact]
    public async Task Validation_answers_findings_for_a_map_or_a_solution_without_saving()
    {
        var valid = await AdminAssert.JsonAsync(await fixture.Admin.PostTextAsync("api/v1/maps/validate", SolutionWriter.Write(OutOfBox)));
        Assert.True(valid.GetProperty("valid").GetBoolean());

        var map = SolutionWriter.Write(OutOfBox.FindMap("Vendor groups")! with { FinOpsEntity = "VendorGroupz" });
        var invalid = await AdminAssert.JsonAsync(await fixture.Admin.PostTextAsync("api/v1/maps/validate", map));
        Assert.False(invalid.GetProperty("valid").GetBoolean());
        Assert.Contains(invalid.GetProperty("findings").EnumerateArray(), f => f.GetProperty("map").GetString() == "Vendor groups" && f.GetProperty("fix").GetString()!.Length > 0);
        Assert.Equal("1.0.0.0", (await AdminAssert.JsonAsync(await fixture.Reader.GetAsync(AdminAssert.Map("Vendor groups")))).GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_stopped_map_is_replaced_as_a_new_active_version_and_a_started_or_broken_one_is_refused()
    {
        const string Terms = "Terms of payment";
        var edited = OutOfBox.FindMap(Terms)! with { FinOpsFilter = "((NAME != \"Never\"))" };

        var saved = await AdminAssert.JsonAsync(await fixture.Admin.PutTextAsync(AdminAssert.Map(Terms), SolutionWriter.Write(edited)));
        Assert.Equal("1.0.0.1", saved.GetProperty("version").GetString());
        Assert.Equal("((NAME != \"Never\"))", saved.GetProperty("map").GetProperty("finOps").GetProperty("filter").GetString());
        var activity = (await AdminAssert.JsonAsync(await fixture.Reader.GetAsync(AdminAssert.Map(Terms) + "/activity")))[0];
        Assert.Equal("admin", activity.GetProperty("who").GetString());
        Assert.Equal("Edited", activity.GetProperty("action").GetString());

        var broken = await AdminAssert.ProblemAsync(
            await fixture.Admin.PutTextAsync(AdminAssert.Map(Terms), SolutionWriter.Write(edited with { FinOpsFilter = "((NAME ==" })), (HttpStatusCode)422, "validation-failed");
        Assert.Equal("DIPV1012", broken.GetProperty("findings")[0].GetProperty("code").GetString());

        await AdminAssert.JsonAsync(await fixture.Admin.PostJsonAsync("api/v1/actions/run", new { maps = new[] { new { map = "Vendor groups", initialSync = false } } }));
        var running = await AdminAssert.ProblemAsync(
            await fixture.Admin.PutTextAsync(AdminAssert.Map("Vendor groups"), SolutionWriter.Write(OutOfBox.FindMap("Vendor groups")!)), HttpStatusCode.Conflict, "solution-conflict");
        Assert.Contains("stop it first", running.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AdminAssert.JsonAsync(await fixture.Admin.PostJsonAsync("api/v1/actions/stop", new { maps = new[] { "Vendor groups" } }));
    }

    [Fact]
    public async Task Debug_mode_is_turned_on_and_shows_in_the_map()
    {
        var answer = await AdminAssert.JsonAsync(await fixture.Admin.PutAsync(AdminAssert.Map("customer groups") + "/debug", System.Net.Http.Json.JsonContent.Create(new { enabled = true })));

        Assert.Equal("Customer groups", answer.GetProperty("map").GetString());
        Assert.True((await AdminAssert.JsonAsync(await fixture.Reader.GetAsync(AdminAssert.Map("Customer groups")))).GetProperty("debug").GetBoolean());
        Assert.Contains("Customer groups", await fixture.Harness.Runtime.Store.GetDebugMapsAsync(CancellationToken.None));
    }
}
