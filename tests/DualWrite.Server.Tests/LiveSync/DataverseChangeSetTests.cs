using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Testing;

namespace DualWrite.Server.Tests.LiveSync;

/// <summary>
/// A Dataverse change set reaches the runtime one operation at a time, each inside the change set's transaction:
/// whatever ends it, F&amp;O ends with all of its rows or none.
/// </summary>
public sealed class DataverseChangeSetTests : IAsyncLifetime
{
    private const string Groups = "Customer groups";
    private static readonly TimeSpan CommitWait = TimeSpan.FromSeconds(1);
    private static readonly RowKey Group10 = RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "10"));
    private static readonly RowKey Group81 = RowKey.Of(("dataAreaId", "usmf"), ("CustomerGroupId", "81"));
    private ServerHarness harness = null!;
    private Guid usmf;
    private Guid group10;
    private string? description10;

    public async Task InitializeAsync()
    {
        harness = await ServerHarness.StartAsync(o => o with { PollInterval = TimeSpan.FromMilliseconds(100), LiveSync = o.LiveSync with { CommitWait = CommitWait } });
        await harness.Runtime.StartAsync(new RunRequest([new RunItem("Legal entities", InitialSync: false), new RunItem("Terms of payment"), new RunItem(Groups)]), "ana", CancellationToken.None);
        await harness.WaitForStateAsync(Groups, MapState.Running);
        usmf = (await harness.Dataverse.CompanyIdAsync("usmf", CancellationToken.None))!.Value;
        group10 = (await harness.Dataverse.FindIdAsync("msdyn_customergroup", new Dictionary<string, object?> { ["msdyn_groupid"] = "10", ["msdyn_company"] = usmf }, CancellationToken.None))!.Value;
        description10 = (string?)(await FinOpsGroupAsync(Group10))?["Description"];
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_change_set_whose_later_row_the_runtime_refuses_leaves_FandO_without_its_earlier_rows()
    {
        var outcomes = await harness.Dataverse.WriteAsync(
        [
            Rename(group10, "First of the set"),
            CreateGroup("81"),
            CreateGroup("LONGER-THAN-FANDO-TAKES"),
        ],
            atomic: true,
            CancellationToken.None);

        Assert.All(outcomes, o => Assert.False(o.Success));
        Assert.Contains(outcomes, o => o.Message!.Contains("Customer groups: ", StringComparison.Ordinal) && o.Message.Contains("'CustomerGroupId' takes at most 10", StringComparison.Ordinal));
        Assert.Equal(description10, (await FinOpsGroupAsync(Group10))?["Description"]);
        Assert.Null(await FinOpsGroupAsync(Group81));
        Assert.Equal(description10, (await harness.Dataverse.ReadAsync("msdyn_customergroup", DataverseKey.ById(group10), CancellationToken.None))?["msdyn_description"]);
    }

    [Fact]
    public async Task A_change_set_that_Dataverse_rolls_back_after_the_runtime_took_its_rows_is_undone_on_FandO_once_no_commit_is_seen()
    {
        // The duplicate group 10 fails in Dataverse itself, after the rename and the new group went to F&O.
        var outcomes = await harness.Dataverse.WriteAsync([Rename(group10, "First of the set"), CreateGroup("81"), CreateGroup("10")], atomic: true, CancellationToken.None);
        Assert.All(outcomes, o => Assert.False(o.Success));

        await ServerHarness.WaitForAsync(
            async () => (await FinOpsGroupAsync(Group10))?["Description"] as string == description10 && await FinOpsGroupAsync(Group81) is null,
            "F&O losing the rows of the rolled-back change set");
        Assert.Equal(description10, (await harness.Dataverse.ReadAsync("msdyn_customergroup", DataverseKey.ById(group10), CancellationToken.None))?["msdyn_description"]);
    }

    [Fact]
    public async Task A_change_set_that_commits_stays_on_FandO_and_is_not_written_again()
    {
        var outcomes = await harness.Dataverse.WriteAsync([Rename(group10, "First of the set"), CreateGroup("81")], atomic: true, CancellationToken.None);
        Assert.All(outcomes, o => Assert.True(o.Success, o.Message));
        var etag = await FinOpsETagAsync("10");

        // Longer than the wait for the commit note, and several looks of the runtime's own work.
        await Task.Delay(CommitWait * 3);

        Assert.Equal("First of the set", (await FinOpsGroupAsync(Group10))?["Description"]);
        Assert.NotNull(await FinOpsGroupAsync(Group81));
        Assert.Equal(etag, await FinOpsETagAsync("10"));
    }

    private static DataverseWrite Rename(Guid id, string description) =>
        new("msdyn_customergroup", DataverseOperation.Update, DataverseKey.ById(id), new Row { ["msdyn_description"] = description });

    private DataverseWrite CreateGroup(string id) =>
        new("msdyn_customergroup", DataverseOperation.Create, Values: new Row { ["msdyn_groupid"] = id, ["msdyn_description"] = $"Group {id}" }, Binds: new Dictionary<string, Guid?> { ["msdyn_company"] = usmf });

    private Task<Row?> FinOpsGroupAsync(RowKey key) => harness.FinOps.ReadAsync("CustomerGroups", key, CancellationToken.None);

    private async Task<string?> FinOpsETagAsync(string group)
    {
        using var json = await harness.FinOpsEmulator.Transport("admin").GetJsonAsync($"CustomerGroups(dataAreaId='usmf',CustomerGroupId='{group}')", null, CancellationToken.None);
        return json.RootElement.GetProperty("@odata.etag").GetString();
    }
}
