using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Maps;
using DualWrite.Core.Rows;
using DualWrite.Environments.Faults;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Monitoring;

namespace DualWrite.Server.Tests.LiveSync;

public sealed class LiveSyncTests : IAsyncLifetime
{
    private const string Groups = "Customer groups";
    private static readonly RowKey Group77 = RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "77"));
    private ServerHarness harness = null!;
    private Guid usmf;

    public async Task InitializeAsync()
    {
        harness = await ServerHarness.StartAsync();
        await harness.Runtime.StartAsync(new RunRequest([new RunItem("Legal entities", InitialSync: false), new RunItem("Terms of payment"), new RunItem(Groups)]), "ana", CancellationToken.None);
        await harness.WaitForStateAsync(Groups, MapState.Running);
        usmf = (await harness.Dataverse.CompanyIdAsync("usmf", CancellationToken.None))!.Value;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task An_FandO_change_is_in_Dataverse_when_the_write_returns_once_and_does_not_come_back()
    {
        var created = await harness.FinOps.WriteAsync([FinOpsWrite.Create("CustomerGroups", new Row { ["dataAreaId"] = "usmf", ["CustomerGroupId"] = "77", ["Description"] = "Live", ["PaymentTermId"] = "Net30" })], atomic: true, CancellationToken.None);
        Assert.True(created[0].Success, created[0].Message);

        var group = await GroupInDataverseAsync("77");
        Assert.Equal("Live", group?["msdyn_description"]);
        Assert.Equal("Net30", group?["msdyn_paymenttermid.msdyn_name"]);
        var created77 = await FinOpsETagAsync();

        var updated = await harness.FinOps.WriteAsync([FinOpsWrite.Update("CustomerGroups", Group77, new Row { ["Description"] = "Renamed" })], atomic: true, CancellationToken.None);
        Assert.True(updated[0].Success, updated[0].Message);
        Assert.Equal("Renamed", (await GroupInDataverseAsync("77"))?["msdyn_description"]);
        Assert.NotNull(await harness.Dataverse.FindIdAsync("msdyn_customergroup", new Dictionary<string, object?> { ["msdyn_groupid"] = "77", ["msdyn_company"] = usmf }, CancellationToken.None));

        // The runtime's own writes to Dataverse fired no webhook back: F&O's row moved only by the user's update.
        var renamed77 = await FinOpsETagAsync();
        Assert.NotEqual(created77, renamed77);
        await Task.Delay(200);
        Assert.Equal(renamed77, await FinOpsETagAsync());
        Assert.Empty(await harness.Runtime.Store.SearchErrorsAsync(new ErrorQuery(), CancellationToken.None));
    }

    [Fact]
    public async Task A_Dataverse_change_is_in_FandO_when_the_write_returns_and_a_delete_follows()
    {
        var created = await harness.Dataverse.WriteAsync(
            [new DataverseWrite("msdyn_customergroup", DataverseOperation.Create, Values: new Row { ["msdyn_groupid"] = "78", ["msdyn_description"] = "From CRM" }, Binds: new Dictionary<string, Guid?> { ["msdyn_company"] = usmf })],
            atomic: true,
            CancellationToken.None);
        Assert.True(created[0].Success, created[0].Message);
        var key = RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "78"));
        Assert.Equal("From CRM", (await harness.FinOps.ReadAsync("CustomerGroups", key, CancellationToken.None))?["Description"]);

        var deleted = await harness.Dataverse.WriteAsync([new DataverseWrite("msdyn_customergroup", DataverseOperation.Delete, DataverseKey.ById(created[0].Id!.Value))], atomic: true, CancellationToken.None);
        Assert.True(deleted[0].Success, deleted[0].Message);
        Assert.Null(await harness.FinOps.ReadAsync("CustomerGroups", key, CancellationToken.None));
    }

    [Fact]
    public async Task A_lookup_that_finds_nothing_fails_the_users_write_with_the_field_and_value_and_changes_neither_side()
    {
        var outcomes = await harness.FinOps.WriteAsync([FinOpsWrite.Create("CustomerGroups", new Row { ["dataAreaId"] = "usmf", ["CustomerGroupId"] = "77", ["PaymentTermId"] = "Never" })], atomic: true, CancellationToken.None);

        Assert.False(outcomes[0].Success);
        Assert.Contains("Customer groups: lookup msdyn_paymenttermid.msdyn_name = 'Never' not found in company usmf", outcomes[0].Message, StringComparison.Ordinal);
        Assert.Null(await harness.FinOps.ReadAsync("CustomerGroups", Group77, CancellationToken.None));
        Assert.Null(await GroupInDataverseAsync("77"));
        var error = Assert.Single(await harness.Runtime.Store.SearchErrorsAsync(new ErrorQuery { Map = Groups }, CancellationToken.None));
        Assert.Equal((SyncDirection.FinOpsToDataverse, ErrorType.Application, Group77.ToString()), (error.Direction, error.Type, error.Key));
    }

    [Fact]
    public async Task In_debug_mode_a_maps_error_log_entries_keep_the_payload_and_otherwise_only_the_message()
    {
        var bad = FinOpsWrite.Create("CustomerGroups", new Row { ["dataAreaId"] = "usmf", ["CustomerGroupId"] = "77", ["PaymentTermId"] = "Never" });
        Assert.False((await harness.FinOps.WriteAsync([bad], atomic: true, CancellationToken.None))[0].Success);
        await harness.Runtime.Store.SetDebugAsync(Groups, true, CancellationToken.None);
        Assert.False((await harness.FinOps.WriteAsync([bad], atomic: true, CancellationToken.None))[0].Success);

        var entries = await harness.Runtime.Store.SearchErrorsAsync(new ErrorQuery { Map = Groups }, CancellationToken.None);

        Assert.Equal(2, entries.Count);
        Assert.Contains("\"PaymentTermId\":\"Never\"", entries[0].Payload, StringComparison.Ordinal);
        Assert.Null(entries[1].Payload);
    }

    [Fact]
    public async Task With_the_other_side_down_the_users_write_fails_and_both_sides_stay_as_they_were()
    {
        await harness.DataverseEmulator.SetFaultsAsync(new FaultSettings { ThrottleShare = 1, RetryAfterSeconds = 0 });
        try
        {
            var outcomes = await harness.FinOps.WriteAsync([FinOpsWrite.Create("CustomerGroups", new Row { ["dataAreaId"] = "usmf", ["CustomerGroupId"] = "77" })], atomic: true, CancellationToken.None);

            Assert.False(outcomes[0].Success);
            Assert.Contains("Customer groups:", outcomes[0].Message, StringComparison.Ordinal);
            Assert.Null(await harness.FinOps.ReadAsync("CustomerGroups", Group77, CancellationToken.None));
            Assert.Equal(ErrorType.System, Assert.Single(await harness.Runtime.Store.SearchErrorsAsync(new ErrorQuery(), CancellationToken.None)).Type);
        }
        finally
        {
            await harness.DataverseEmulator.SetFaultsAsync(new FaultSettings());
        }

        Assert.Null(await GroupInDataverseAsync("77"));
    }

    [Fact]
    public async Task A_change_that_touches_no_mapped_field_sends_nothing()
    {
        var key = RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "10"));
        var before = await GroupInDataverseAsync("10");

        var outcomes = await harness.FinOps.WriteAsync([FinOpsWrite.Update("CustomerGroups", key, new Row { ["TaxGroupId"] = "AVATAX" })], atomic: true, CancellationToken.None);

        Assert.True(outcomes[0].Success, outcomes[0].Message);
        Assert.Equal(before!["versionnumber"], (await GroupInDataverseAsync("10"))!["versionnumber"]);
    }

    private async Task<string?> FinOpsETagAsync()
    {
        using var json = await harness.FinOpsEmulator.Transport("admin").GetJsonAsync("CustomerGroups(dataAreaId='usmf',CustomerGroupId='77')", null, CancellationToken.None);
        return json.RootElement.GetProperty("@odata.etag").GetString();
    }

    private async Task<Row?> GroupInDataverseAsync(string id)
    {
        await foreach (var page in harness.Dataverse.ReadPagesAsync("msdyn_customergroup", new DataverseQuery { Filter = $"msdyn_groupid eq '{id}' and _msdyn_company_value eq {usmf}", Expand = ["msdyn_paymenttermid.msdyn_name"] }, CancellationToken.None))
        {
            return page.SingleOrDefault();
        }

        return null;
    }
}
