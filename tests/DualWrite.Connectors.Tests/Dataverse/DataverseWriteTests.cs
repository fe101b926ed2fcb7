using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Rows;

namespace DualWrite.Connectors.Tests.Dataverse;

public sealed class DataverseWriteTests(DataverseFixture fixture) : IClassFixture<DataverseFixture>
{
    private DataverseClient Client => fixture.Client;

    [Fact]
    public async Task An_upsert_by_alternate_key_creates_the_row_then_updates_it()
    {
        var created = Assert.Single(await Accounts.WriteAllAsync(Client, [Accounts.Upsert("UP-001", fixture.Usmf, "First", ("creditlimit", 100m))], atomic: false));
        var updated = Assert.Single(await Accounts.WriteAllAsync(Client, [Accounts.Upsert("UP-001", fixture.Usmf, "Second")], atomic: false));

        Assert.NotNull(created.Id);
        Assert.Equal(created.Id, updated.Id);
        var row = await Client.ReadAsync("account", Accounts.Key("UP-001", fixture.Usmf), CancellationToken.None);
        Assert.Equal("Second", row?["name"]);
        Assert.Equal(100m, row?["creditlimit"]);
        Assert.Single(await Accounts.ReadAllAsync(Client, "account", new DataverseQuery { Filter = "accountnumber eq 'UP-001'" }));
    }

    [Fact]
    public async Task An_update_of_a_missing_row_fails_alone_when_the_writes_are_not_atomic()
    {
        var outcomes = await Client.WriteAsync(
        [
            Accounts.Upsert("NA-001", fixture.Usmf, "Written"),
            new DataverseWrite("account", DataverseOperation.Update, Accounts.Key("NA-404", fixture.Usmf), new Row { ["name"] = "Nowhere" }),
            Accounts.Upsert("NA-003", fixture.Usmf, "Written too"),
        ], atomic: false, CancellationToken.None);

        Assert.Equal([0, 1, 2], outcomes.Select(o => o.Index));
        Assert.Equal([true, false, true], outcomes.Select(o => o.Success));
        Assert.Equal(404, outcomes[1].Status);
        Assert.Null(outcomes[1].Id);
        Assert.Contains("update of account (accountnumber='NA-404', msdyn_company=" + fixture.Usmf, outcomes[1].Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", outcomes[1].Message, StringComparison.Ordinal);
        Assert.Null(outcomes[0].Message);
        Assert.NotNull(await Client.ReadAsync("account", Accounts.Key("NA-001", fixture.Usmf), CancellationToken.None));
        Assert.NotNull(await Client.ReadAsync("account", Accounts.Key("NA-003", fixture.Usmf), CancellationToken.None));
        Assert.Null(await Client.ReadAsync("account", Accounts.Key("NA-404", fixture.Usmf), CancellationToken.None));
    }

    [Fact]
    public async Task An_atomic_write_that_fails_leaves_nothing_and_every_outcome_says_so()
    {
        var outcomes = await Client.WriteAsync(
        [
            Accounts.Upsert("AT-001", fixture.Usmf, "Rolled back"),
            Accounts.Create("AT-002", "Rolled back too"),
            new DataverseWrite("account", DataverseOperation.Update, Accounts.Key("AT-404", fixture.Usmf), new Row { ["name"] = "Nowhere" }),
            Accounts.Upsert("AT-004", fixture.Usmf, "Never run"),
        ], atomic: true, CancellationToken.None);

        Assert.All(outcomes, o => Assert.False(o.Success));
        Assert.Equal(404, outcomes[2].Status);
        Assert.Contains("update of account (accountnumber='AT-404'", outcomes[2].Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", outcomes[2].Message, StringComparison.Ordinal);
        Assert.All(outcomes.Where(o => o.Index != 2), o =>
        {
            Assert.Equal(424, o.Status);
            Assert.Contains("rolled back", o.Message, StringComparison.Ordinal);
            Assert.Contains("AT-404", o.Message, StringComparison.Ordinal);
        });
        Assert.Empty(await Accounts.ReadAllAsync(Client, "account", new DataverseQuery { Filter = "startswith(accountnumber,'AT-')" }));
    }

    [Fact]
    public async Task An_atomic_write_that_succeeds_gives_every_row_its_id()
    {
        var outcomes = await Accounts.WriteAllAsync(Client,
        [
            Accounts.Create("AS-001", "One"),
            Accounts.Upsert("AS-002", fixture.Usmf, "Two"),
            new DataverseWrite("account", DataverseOperation.Create, Accounts.Key("AS-003", fixture.Usmf), new Row { ["name"] = "Three" }),
        ], atomic: true);

        Assert.All(outcomes, o => Assert.Equal(204, o.Status));
        foreach (var (number, outcome) in new[] { "AS-001", "AS-002", "AS-003" }.Zip(outcomes))
        {
            Assert.Equal(outcome.Id, await Client.FindIdAsync("account", new Dictionary<string, object?> { ["accountnumber"] = number }, CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_create_by_key_of_a_row_that_exists_fails_and_leaves_it_as_it_was()
    {
        await Accounts.WriteAllAsync(Client, [Accounts.Upsert("CR-001", fixture.Usmf, "Original")], atomic: false);

        var outcome = Assert.Single(await Client.WriteAsync(
            [new DataverseWrite("account", DataverseOperation.Create, Accounts.Key("CR-001", fixture.Usmf), new Row { ["name"] = "Duplicate" })],
            atomic: false,
            CancellationToken.None));

        Assert.False(outcome.Success);
        Assert.Equal(412, outcome.Status);
        Assert.Contains("create of account (accountnumber='CR-001'", outcome.Message, StringComparison.Ordinal);
        Assert.Equal("Original", (await Client.ReadAsync("account", Accounts.Key("CR-001", fixture.Usmf), CancellationToken.None))?["name"]);
    }

    [Fact]
    public async Task Binds_set_lookups_to_related_rows_and_a_null_bind_clears_them()
    {
        var group = Assert.Single(await Accounts.WriteAllAsync(Client,
        [
            new DataverseWrite(
                "msdyn_customergroup",
                DataverseOperation.Upsert,
                DataverseKey.ByAlternateKey(("msdyn_groupid", "BD-10"), ("msdyn_company", fixture.Usmf)),
                new Row { ["msdyn_description"] = "Wholesale" }),
        ], atomic: false)).Id!.Value;
        var parent = Assert.Single(await Accounts.WriteAllAsync(Client, [Accounts.Create("BD-000", "Parent")], atomic: false)).Id!.Value;

        var account = Assert.Single(await Accounts.WriteAllAsync(Client,
        [
            new DataverseWrite(
                "account",
                DataverseOperation.Create,
                Values: new Row { ["name"] = "Bound", ["accountnumber"] = "BD-001", ["msdyn_company"] = fixture.Usmf },
                Binds: new Dictionary<string, Guid?> { ["msdyn_customergroupid"] = group, ["parentaccountid"] = parent }),
        ], atomic: true)).Id!.Value;

        var bound = await Client.ReadAsync("account", DataverseKey.ById(account), ["msdyn_customergroupid.msdyn_groupid", "parentaccountid.accountnumber"], CancellationToken.None);
        Assert.Equal(group, bound?["msdyn_customergroupid"]);
        Assert.Equal("BD-10", bound?["msdyn_customergroupid.msdyn_groupid"]);
        Assert.Equal(parent, bound?["parentaccountid"]);
        Assert.Equal("BD-000", bound?["parentaccountid.accountnumber"]);
        Assert.Equal(fixture.Usmf, bound?["msdyn_company"]);

        await Accounts.WriteAllAsync(Client,
        [
            new DataverseWrite("account", DataverseOperation.Update, DataverseKey.ById(account), Binds: new Dictionary<string, Guid?> { ["msdyn_customergroupid"] = null }),
        ], atomic: false);

        var cleared = await Client.ReadAsync("account", DataverseKey.ById(account), ["msdyn_customergroupid.msdyn_groupid"], CancellationToken.None);
        Assert.Null(cleared?["msdyn_customergroupid"]);
        Assert.Null(cleared?["msdyn_customergroupid.msdyn_groupid"]);
        Assert.Equal(parent, cleared?["parentaccountid"]);
    }

    [Fact]
    public async Task A_bind_to_a_row_that_does_not_exist_fails_with_the_services_message()
    {
        var outcome = Assert.Single(await Client.WriteAsync(
            [new DataverseWrite("account", DataverseOperation.Upsert, Accounts.Key("BX-001", fixture.Usmf), new Row { ["name"] = "Dangling" }, new Dictionary<string, Guid?> { ["parentaccountid"] = Guid.NewGuid() })],
            atomic: false,
            CancellationToken.None));

        Assert.False(outcome.Success);
        Assert.Contains("upsert of account (accountnumber='BX-001'", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("parentaccountid", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deletes_by_id_and_by_alternate_key_remove_rows_and_a_missing_row_is_a_404()
    {
        var outcomes = await Accounts.WriteAllAsync(Client,
        [
            Accounts.Upsert("DL-001", fixture.Usmf, "By id"),
            Accounts.Upsert("DL-002", fixture.Usmf, "By key"),
        ], atomic: true);

        var deleted = await Client.WriteAsync(
        [
            new DataverseWrite("account", DataverseOperation.Delete, DataverseKey.ById(outcomes[0].Id!.Value)),
            new DataverseWrite("account", DataverseOperation.Delete, Accounts.Key("DL-002", fixture.Usmf)),
            new DataverseWrite("account", DataverseOperation.Delete, Accounts.Key("DL-404", fixture.Usmf)),
        ], atomic: false, CancellationToken.None);

        Assert.Equal([true, true, false], deleted.Select(o => o.Success));
        Assert.Equal(404, deleted[2].Status);
        Assert.Contains("delete of account (accountnumber='DL-404'", deleted[2].Message, StringComparison.Ordinal);
        Assert.Empty(await Accounts.ReadAllAsync(Client, "account", new DataverseQuery { Filter = "startswith(accountnumber,'DL-')" }));
    }

    [Fact]
    public async Task Writes_the_client_cannot_carry_out_are_refused_before_anything_is_sent()
    {
        var requests = fixture.Transport.Statistics.Requests;

        await Assert.ThrowsAsync<ArgumentException>(() => Client.WriteAsync(
            [Accounts.Create("RF-001", "Fine"), new DataverseWrite("account", DataverseOperation.Update, Values: new Row { ["name"] = "No key" })],
            atomic: false,
            CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Client.WriteAsync(
            [new DataverseWrite("account", DataverseOperation.Create, Values: new Row { ["no_such_column"] = 1 })], atomic: false, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Client.WriteAsync(
            [new DataverseWrite("account", DataverseOperation.Create, Binds: new Dictionary<string, Guid?> { ["name"] = Guid.NewGuid() })], atomic: false, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Client.WriteAsync(
            [new DataverseWrite("no_such_table", DataverseOperation.Create)], atomic: false, CancellationToken.None));
        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => Client.WriteAsync(
            Enumerable.Range(0, 1001).Select(_ => Accounts.Create("RF-002", "Too many")).ToArray(), atomic: true, CancellationToken.None));

        Assert.Contains("1000", tooMany.Message, StringComparison.Ordinal);
        Assert.Equal(requests, fixture.Transport.Statistics.Requests);
        Assert.Empty(await Accounts.ReadAllAsync(Client, "account", new DataverseQuery { Filter = "startswith(accountnumber,'RF-')" }));
    }

    [Fact]
    public async Task More_writes_than_a_batch_holds_go_in_several_batches_when_they_need_not_be_atomic()
    {
        var requests = fixture.Transport.Statistics.Requests;
        var writes = Enumerable.Range(0, 1001)
            .Select(_ => new DataverseWrite("account", DataverseOperation.Delete, DataverseKey.ById(Guid.NewGuid())))
            .ToArray();

        var outcomes = await Client.WriteAsync(writes, atomic: false, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 1001), outcomes.Select(o => o.Index));
        Assert.All(outcomes, o => Assert.Equal(404, o.Status));
        Assert.Equal(requests + 2, fixture.Transport.Statistics.Requests);
    }
}
