using System.Net;
using System.Text.Json;
using DualWrite.Core.Maps;
using DualWrite.Runtime.Monitoring;

namespace DualWrite.Server.Tests.Admin;

public sealed class AdminReadTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private const string Accounts = "Customers V3 (accounts)";

    [Fact]
    public async Task The_connection_shows_both_environments_the_companies_the_hooks_and_who_linked_without_secrets()
    {
        var response = await fixture.Reader.GetAsync("api/v1/connection");
        var link = await AdminAssert.JsonAsync(response);

        Assert.Equal(fixture.Harness.FinOpsEmulator.Address().ServiceRoot.AbsoluteUri, link.GetProperty("finOps").GetProperty("serviceRoot").GetString());
        Assert.Equal(["usmf"], link.GetProperty("companies").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("tester", link.GetProperty("linkedBy").GetString());
        Assert.Equal(8, link.GetProperty("activeMaps").GetArrayLength());
        Assert.NotEmpty(link.GetProperty("hooks").GetProperty("finOpsHookId").GetString()!);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(fixture.Harness.FinOpsEmulator.Address().ClientSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_environments_answer_with_their_companies_and_the_health_check_runs()
    {
        var environments = await AdminAssert.JsonAsync(await fixture.Reader.GetAsync("api/v1/environments"));
        foreach (var side in (string[])["finOps", "dataverse"])
        {
            Assert.True(environments.GetProperty(side).GetProperty("answers").GetBoolean());
            var company = Assert.Single(environments.GetProperty(side).GetProperty("companies").EnumerateArray());
            Assert.Equal("usmf", company.GetProperty("code").GetString());
            Assert.True(company.GetProperty("present").GetBoolean());
        }

        var health = await AdminAssert.JsonAsync(await fixture.Reader.GetAsync("api/v1/connection/health"));
        Assert.True(health.GetProperty("healthy").GetBoolean(), health.GetRawText());
        Assert.Equal(0, health.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task Solutions_are_listed_exported_as_they_came_and_an_unknown_one_is_not_found()
    {
        var solution = Assert.Single((await AdminAssert.JsonAsync(await fixture.Reader.GetAsync("api/v1/solutions"))).EnumerateArray());
        Assert.Equal("DualWriteCore", solution.GetProperty("name").GetString());
        Assert.Equal(8, solution.GetProperty("maps").GetInt32());
        Assert.Equal("dualwrite", solution.GetProperty("publisher").GetString());

        var exported = await fixture.Reader.GetStringAsync("api/v1/solutions/DualWriteCore?version=1.0.0.0");
        Assert.Equal(OutOfBoxSolution.Load().Maps.Count, SolutionReader.Parse(exported, "export").Maps.Count);

        var active = await AdminAssert.JsonAsync(await fixture.Reader.GetAsync("api/v1/solutions/active"));
        Assert.All(active.EnumerateArray(), a => Assert.Equal("DualWriteCore", a.GetProperty("solution").GetString()));
        Assert.Contains(active.EnumerateArray(), a => a.GetProperty("map").GetString() == Accounts && a.GetProperty("version").GetString() == "1.0.0.0");

        var missing = await AdminAssert.ProblemAsync(await fixture.Reader.GetAsync("api/v1/solutions/Nothing"), HttpStatusCode.NotFound, "not-found");
        Assert.Contains("DualWriteCore 1.0.0.0", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AdminAssert.ProblemAsync(await fixture.Reader.GetAsync("api/v1/solutions/DualWriteCore?version=9.0.0.0"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_map_shows_its_state_its_file_form_and_its_symbol_view()
    {
        var map = await AdminAssert.JsonAsync(await fixture.Reader.GetAsync(AdminAssert.Map(Accounts)));

        Assert.Equal("NotRunning", map.GetProperty("state").GetString());
        Assert.Equal("CustomersV3", map.GetProperty("finOpsEntity").GetString());
        Assert.Equal("DualWriteCore", map.GetProperty("solution").GetString());
        Assert.Equal(JsonValueKind.Null, map.GetProperty("lastError").ValueKind);
        Assert.Equal(0, map.GetProperty("queue").GetProperty("count").GetInt64());
        Assert.False(map.GetProperty("debug").GetBoolean());
        Assert.Equal("accounts", map.GetProperty("map").GetProperty("dataverse").GetProperty("table").GetString());
        var symbols = map.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()).ToArray();
        Assert.Equal(map.GetProperty("map").GetProperty("fields").GetArrayLength(), symbols.Length);
        Assert.Contains("CUSTOMERACCOUNT = accountnumber", symbols);
    }

    [Fact]
    public async Task An_unknown_map_is_a_404_problem_that_lists_the_maps()
    {
        foreach (var path in (string[])[AdminAssert.Map("Customers V4"), AdminAssert.Map("Customers V4") + "/related", AdminAssert.Map("Customers V4") + "/queue", "api/v1/errors?map=Customers%20V4"])
        {
            var problem = await AdminAssert.ProblemAsync(await fixture.Reader.GetAsync(path), HttpStatusCode.NotFound, "map-not-found");
            Assert.Contains("There is no map named 'Customers V4'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("'Currencies'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_proposes_the_maps_a_map_needs_first_with_their_states_and_dataverse_as_master()
    {
        var plan = await AdminAssert.JsonAsync(await fixture.Reader.GetAsync(AdminAssert.Map(Accounts) + "/related"));

        var maps = plan.GetProperty("maps").EnumerateArray().ToArray();
        Assert.Equal("Dataverse", plan.GetProperty("master").GetString());
        Assert.Equal(Accounts, maps[^1].GetProperty("map").GetString());
        Assert.Equal("Legal entities", maps[0].GetProperty("map").GetString());
        Assert.All(maps, m => Assert.Equal("NotRunning", m.GetProperty("state").GetString()));
        Assert.All(maps, m => Assert.True(m.GetProperty("initialSync").GetBoolean() && m.GetProperty("required").GetBoolean()));
    }

    [Fact]
    public async Task The_error_log_is_searched_by_map_type_key_and_time_newest_first_and_paged()
    {
        var at = DateTimeOffset.Parse("2030-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 3; i++)
        {
            await fixture.Harness.Runtime.Store.AppendErrorAsync(
                new ErrorEntry(0, at.AddMinutes(i), "Vendor groups", SyncDirection.FinOpsToDataverse, $"usmf|V{i}", $"t{i}", i == 2 ? ErrorType.System : ErrorType.Application, $"failure {i}", "{}"),
                CancellationToken.None);
        }

        var page = await AdminAssert.JsonAsync(await fixture.Reader.GetAsync("api/v1/errors?map=vendor%20groups&type=Application&limit=1"));
        Assert.Equal(2, page.GetProperty("total").GetInt64());
        var newest = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("failure 1", newest.GetProperty("message").GetString());
        Assert.Equal("t1", newest.GetProperty("transaction").GetString());
        Assert.Equal("FinOpsToDataverse", newest.GetProperty("direction").GetString());

        var both = await AdminAssert.JsonAsync(await fixture.Reader.GetAsync("api/v1/errors?map=Vendor%20groups&type=Application&type=System&from=2030-01-01T00:01:00Z"));
        Assert.Equal(["failure 2", "failure 1"], both.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
        var byKey = await AdminAssert.JsonAsync(await fixture.Reader.GetAsync("api/v1/errors?key=usmf%7CV0"));
        Assert.Equal("failure 0", Assert.Single(byKey.GetProperty("items").EnumerateArray()).GetProperty("message").GetString());

        var map = await AdminAssert.JsonAsync(await fixture.Reader.GetAsync(AdminAssert.Map("Vendor groups")));
        Assert.Equal("failure 2", map.GetProperty("lastError").GetProperty("message").GetString());

        await AdminAssert.ProblemAsync(await fixture.Reader.GetAsync("api/v1/errors?limit=1001"), HttpStatusCode.BadRequest, "bad-request");
        await AdminAssert.ProblemAsync(await fixture.Reader.GetAsync("api/v1/errors?type=Sometimes"), HttpStatusCode.BadRequest, "bad-request");
    }

    [Fact]
    public async Task Alert_rules_are_added_listed_by_map_and_removed()
    {
        var added = await AdminAssert.JsonAsync(
            await fixture.Admin.PostJsonAsync("api/v1/alerts", new { map = "currencies", errors = 3, types = new[] { "System" }, windowSeconds = 600, action = "Pause" }),
            HttpStatusCode.Created);
        Assert.Equal("Currencies", added.GetProperty("map").GetString());
        Assert.Equal(600, added.GetProperty("windowSeconds").GetDouble());
        Assert.Equal("Pause", added.GetProperty("action").GetString());
        var id = added.GetProperty("id").GetInt64();

        var listed = await AdminAssert.JsonAsync(await fixture.Reader.GetAsync("api/v1/alerts?map=Currencies"));
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(["System"], Assert.Single(listed.EnumerateArray()).GetProperty("types").EnumerateArray().Select(t => t.GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Admin.DeleteAsync($"api/v1/alerts/{id}")).StatusCode);
        await AdminAssert.ProblemAsync(await fixture.Admin.DeleteAsync($"api/v1/alerts/{id}"), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0, (await AdminAssert.JsonAsync(await fixture.Reader.GetAsync("api/v1/alerts?map=Currencies"))).GetArrayLength());

        var refused = await AdminAssert.ProblemAsync(
            await fixture.Admin.PostJsonAsync("api/v1/alerts", new { map = "Currencies", errors = 0, windowSeconds = 600 }), HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal("errors", refused.GetProperty("property").GetString());
        await AdminAssert.ProblemAsync(await fixture.Admin.PostJsonAsync("api/v1/alerts", new { map = "Nothing", errors = 1, windowSeconds = 60 }), HttpStatusCode.NotFound, "map-not-found");
    }

    [Fact]
    public async Task The_queue_shows_its_bound_and_no_lanes_while_nothing_waits()
    {
        var queue = await AdminAssert.JsonAsync(await fixture.Reader.GetAsync("api/v1/queue"));

        Assert.Equal(0, queue.GetProperty("maps").GetArrayLength());
        Assert.True(queue.GetProperty("bound").GetProperty("limitBytes").GetInt64() > 0);
        Assert.Equal(0, queue.GetProperty("bound").GetProperty("usedBytes").GetInt64());
        var lane = await AdminAssert.JsonAsync(await fixture.Reader.GetAsync(AdminAssert.Map("Currencies") + "/queue"));
        Assert.Equal(0, lane.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_map_that_never_synced_has_no_initial_sync_to_show()
    {
        var problem = await AdminAssert.ProblemAsync(await fixture.Reader.GetAsync(AdminAssert.Map("Currencies") + "/initial-sync"), HttpStatusCode.NotFound, "not-found");
        Assert.Contains("has had no initial sync", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
