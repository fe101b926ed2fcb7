using System.Net;
using System.Text.Json;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;

namespace DualWrite.Server.Tests.Admin;

/// <summary>Comparing a map's sides over the admin API: a reader may compare, only an administrator may fix.</summary>
public sealed class AdminCompareTests : RuntimePerTest
{
    private const string Groups = "Customer groups";

    [Fact]
    public async Task A_reader_compares_and_sees_the_difference_an_administrator_fixes_until_both_sides_agree()
    {
        using var reader = Harness.AdminClient("reader");
        await AdminAssert.JsonAsync(await Admin.PostJsonAsync("api/v1/actions/run", new
        {
            maps = new object[] { new { map = "Legal entities", initialSync = false }, new { map = "Terms of payment", initialSync = true }, new { map = Groups, initialSync = true } },
            master = "FinOps",
        }));
        await Harness.WaitForStateAsync(Groups, Runtime.Lifecycle.MapState.Running);
        var agreed = await CompareAsync(reader, new { });
        Assert.True(agreed.GetProperty("agrees").GetBoolean());
        Assert.Equal("usmf", Assert.Single(agreed.GetProperty("companies").EnumerateArray()).GetProperty("company").GetString());
        Assert.True(agreed.GetProperty("totals").GetProperty("equal").GetInt64() > 0);

        // A stopped map lets the sides drift apart: the change stays in F&O.
        await AdminAssert.JsonAsync(await Admin.PostJsonAsync("api/v1/actions/stop", new { maps = new[] { Groups } }));
        Assert.True((await Harness.FinOps.WriteAsync(
            [FinOpsWrite.Update("CustomerGroups", RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "10")), new Row { ["Description"] = "Drifted" })],
            atomic: true,
            CancellationToken.None))[0].Success);

        var drifted = await CompareAsync(reader, new { company = "USMF", maxDifferences = 5 });
        Assert.False(drifted.GetProperty("agrees").GetBoolean());
        Assert.Equal(1, drifted.GetProperty("totals").GetProperty("differing").GetInt64());
        var row = Assert.Single(drifted.GetProperty("differences").EnumerateArray());
        Assert.Equal("Differing", row.GetProperty("kind").GetString());
        var field = Assert.Single(row.GetProperty("fields").EnumerateArray());
        Assert.Equal("Description", field.GetProperty("finOpsField").GetString());
        Assert.Equal("'Drifted'", field.GetProperty("finOpsValue").GetString());
        Assert.Equal(JsonValueKind.Null, drifted.GetProperty("fix").ValueKind);

        await AdminAssert.ProblemAsync(await reader.PostJsonAsync(Path, new { fix = true, master = "FinOps" }), HttpStatusCode.Forbidden, "forbidden");
        var noMaster = await AdminAssert.ProblemAsync(await Admin.PostJsonAsync(Path, new { fix = true }), HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal("master", noMaster.GetProperty("property").GetString());
        var unlinked = await AdminAssert.ProblemAsync(await Admin.PostJsonAsync(Path, new { company = "gbsi" }), HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal("company", unlinked.GetProperty("property").GetString());
        await AdminAssert.ProblemAsync(await Admin.PostJsonAsync(AdminAssert.Map("Nothing") + "/compare", new { }), HttpStatusCode.NotFound, "map-not-found");

        var fixedUp = await CompareAsync(Admin, new { fix = true, master = "FinOps" });
        Assert.Equal(1, fixedUp.GetProperty("totals").GetProperty("differing").GetInt64());
        var fix = fixedUp.GetProperty("fix");
        Assert.Equal("FinOps", fix.GetProperty("master").GetString());
        Assert.Equal(1, fix.GetProperty("toDataverse").GetProperty("updated").GetInt64());
        Assert.True(fix.GetProperty("after").GetProperty("agrees").GetBoolean());
        Assert.True(fixedUp.GetProperty("agreesNow").GetBoolean());
        Assert.True((await CompareAsync(reader, new { })).GetProperty("agrees").GetBoolean());
        var states = await Harness.Runtime.Store.GetStatesAsync(CancellationToken.None);
        Assert.Equal(Runtime.Lifecycle.MapState.NotRunning, states[Groups]);
    }

    private static string Path => AdminAssert.Map(Groups) + "/compare";

    private static async Task<JsonElement> CompareAsync(HttpClient client, object body) => await AdminAssert.JsonAsync(await client.PostJsonAsync(Path, body));
}
