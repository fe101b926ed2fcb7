using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;

namespace DualWrite.Connectors.Tests.FinOps;

public sealed class FinOpsWriteTests(EmptyFinOps finOps) : IClassFixture<EmptyFinOps>
{
    private const string Customers = "CustomersV3";

    [Fact]
    public async Task An_atomic_write_creates_every_row_with_its_values()
    {
        var writes = new[] { Customer("AT-1"), Customer("AT-2", creditLimit: 2500.75m, onHold: 2), Customer("AT-3") };

        var outcomes = await finOps.Client.WriteAsync(writes, atomic: true, CancellationToken.None);

        Assert.All(outcomes, o => Assert.True(o.Success, o.ToString()));
        Assert.Equal([0, 1, 2], outcomes.Select(o => o.Index));
        Assert.All(outcomes, o => Assert.Equal(201, o.Status));
        Assert.Equal(Rows.Customer("dat", "AT-2"), outcomes[1].Key);
        var second = await finOps.Client.ReadAsync(Customers, Rows.Customer("dat", "AT-2"), CancellationToken.None);
        Assert.NotNull(second);
        Assert.Equal(2500.75m, second["CreditLimit"]);
        Assert.Equal(2, second["OnHoldStatus"]);
        Assert.Equal(2, second["PartyType"]);
        Assert.Equal(1, second["IsOneTimeCustomer"]);
        Assert.Equal(250L, second["OrganizationNumberOfEmployees"]);
        Assert.Equal("Contoso AT-2", second["OrganizationName"]);
        Assert.NotNull(await finOps.Client.ReadAsync(Customers, Rows.Customer("dat", "AT-3"), CancellationToken.None));
    }

    [Fact]
    public async Task An_atomic_write_with_one_bad_row_creates_none_and_names_the_bad_one()
    {
        var bad = new Row { ["dataAreaId"] = "dat", ["CustomerAccount"] = "AB-2", ["OrganizationName"] = "No group" };
        var writes = new[] { Customer("AB-1"), FinOpsWrite.Create(Customers, bad), Customer("AB-3") };

        var outcomes = await finOps.Client.WriteAsync(writes, atomic: true, CancellationToken.None);

        Assert.All(outcomes, o => Assert.False(o.Success));
        Assert.Equal(400, outcomes[1].Status);
        Assert.Contains("'CustomerGroupId' is required", outcomes[1].Message, StringComparison.Ordinal);
        foreach (var other in new[] { outcomes[0], outcomes[2] })
        {
            Assert.Equal(424, other.Status);
            Assert.Contains("Rolled back", other.Message, StringComparison.Ordinal);
            Assert.Contains("AB-2", other.Message, StringComparison.Ordinal);
            Assert.Contains(outcomes[1].Message!, other.Message, StringComparison.Ordinal);
        }

        foreach (var account in new[] { "AB-1", "AB-2", "AB-3" })
        {
            Assert.Null(await finOps.Client.ReadAsync(Customers, Rows.Customer("dat", account), CancellationToken.None));
        }
    }

    [Fact]
    public async Task Independent_writes_succeed_or_fail_each_on_its_own()
    {
        var tooLong = new string('x', 101);
        var writes = new[]
        {
            Customer("IN-1"),
            Customer("IN-2", name: tooLong),
            Customer("IN-3"),
            FinOpsWrite.Update(Customers, Rows.Customer("dat", "IN-MISSING"), new Row { ["CreditLimit"] = 1m }),
            Customer("IN-5"),
        };

        var outcomes = await finOps.Client.WriteAsync(writes, atomic: false, CancellationToken.None);

        Assert.Equal([true, false, true, false, true], outcomes.Select(o => o.Success));
        Assert.Equal(400, outcomes[1].Status);
        Assert.Contains("OrganizationName", outcomes[1].Message, StringComparison.Ordinal);
        Assert.Contains("at most 100", outcomes[1].Message, StringComparison.Ordinal);
        Assert.Equal(Rows.Customer("dat", "IN-2"), outcomes[1].Key);
        Assert.Equal(404, outcomes[3].Status);
        Assert.Contains("IN-MISSING", outcomes[3].Message, StringComparison.Ordinal);
        Assert.NotNull(await finOps.Client.ReadAsync(Customers, Rows.Customer("dat", "IN-1"), CancellationToken.None));
        Assert.Null(await finOps.Client.ReadAsync(Customers, Rows.Customer("dat", "IN-2"), CancellationToken.None));
        Assert.NotNull(await finOps.Client.ReadAsync(Customers, Rows.Customer("dat", "IN-5"), CancellationToken.None));
    }

    [Fact]
    public async Task Updates_change_only_the_fields_given_and_deletes_remove_the_row()
    {
        Assert.True((await finOps.Client.WriteAsync([Customer("UD-1", creditLimit: 100m)], atomic: true, CancellationToken.None)).Single().Success);
        var key = Rows.Customer("dat", "UD-1");

        var updated = await finOps.Client.WriteAsync(
            [FinOpsWrite.Update(Customers, key, new Row { ["CreditLimit"] = 12345.67m, ["OnHoldStatus"] = 1, ["CreditRating"] = null })],
            atomic: true,
            CancellationToken.None);

        Assert.Equal(204, updated.Single().Status);
        var row = await finOps.Client.ReadAsync(Customers, key, CancellationToken.None);
        Assert.NotNull(row);
        Assert.Equal(12345.67m, row["CreditLimit"]);
        Assert.Equal(1, row["OnHoldStatus"]);
        Assert.Null(row["CreditRating"]);
        Assert.Equal("Contoso UD-1", row["OrganizationName"]);

        var deleted = await finOps.Client.WriteAsync([FinOpsWrite.Delete(Customers, key)], atomic: false, CancellationToken.None);

        Assert.True(deleted.Single().Success, deleted.Single().ToString());
        Assert.Null(await finOps.Client.ReadAsync(Customers, key, CancellationToken.None));
    }

    [Fact]
    public async Task Creates_updates_and_deletes_of_several_entities_go_in_one_change_set_in_order()
    {
        var group = RowKey.Of(("dataAreaId", "dat"), ("CustomerGroupId", "CS"));
        var writes = new[]
        {
            FinOpsWrite.Create("CustomerGroups", new Row { ["dataAreaId"] = "dat", ["CustomerGroupId"] = "CS", ["Description"] = "Change set", ["IsSalesTaxIncludedInPrice"] = 1 }),
            Customer("CS-1", group: "CS"),
            FinOpsWrite.Update("CustomerGroups", group, new Row { ["Description"] = "Changed in the same set" }),
            FinOpsWrite.Delete(Customers, Rows.Customer("dat", "CS-1")),
        };

        var outcomes = await finOps.Client.WriteAsync(writes, atomic: true, CancellationToken.None);

        Assert.Equal([201, 201, 204, 204], outcomes.Select(o => o.Status));
        var stored = await finOps.Client.ReadAsync("CustomerGroups", group, CancellationToken.None);
        Assert.Equal("Changed in the same set", stored?["Description"]);
        Assert.Equal(1, stored?["IsSalesTaxIncludedInPrice"]);
        Assert.Null(await finOps.Client.ReadAsync(Customers, Rows.Customer("dat", "CS-1"), CancellationToken.None));
    }

    [Fact]
    public async Task Keys_with_quotes_slashes_and_other_url_characters_are_written_and_read_as_they_are()
    {
        const string Account = "O'Neil/&?#%41 +é,()";
        var key = Rows.Customer("dat", Account);

        var created = await finOps.Client.WriteAsync([Customer(Account)], atomic: false, CancellationToken.None);
        Assert.True(created.Single().Success, created.Single().ToString());
        Assert.Equal(Account, (await finOps.Client.ReadAsync(Customers, key, CancellationToken.None))?["CustomerAccount"]);

        var updated = await finOps.Client.WriteAsync([FinOpsWrite.Update(Customers, key, new Row { ["CreditLimit"] = 7m })], atomic: true, CancellationToken.None);
        Assert.True(updated.Single().Success, updated.Single().ToString());
        var read = (await finOps.Client.ReadAllPagesAsync(Customers, new FinOpsQuery { Company = "dat", Filter = $"CustomerAccount eq '{Account.Replace("'", "''", StringComparison.Ordinal)}'" }))
            .Single().Single();
        Assert.Equal(7m, read["CreditLimit"]);

        var deleted = await finOps.Client.WriteAsync([FinOpsWrite.Delete(Customers, key)], atomic: true, CancellationToken.None);
        Assert.True(deleted.Single().Success, deleted.Single().ToString());
        Assert.Null(await finOps.Client.ReadAsync(Customers, key, CancellationToken.None));
    }

    [Fact]
    public async Task The_key_of_a_created_row_is_the_one_the_service_stored()
    {
        var values = new Row { ["dataAreaId"] = "DAT", ["CustomerAccount"] = "KS-1", ["CustomerGroupId"] = "10" };

        var outcome = (await finOps.Client.WriteAsync([FinOpsWrite.Create(Customers, values)], atomic: true, CancellationToken.None)).Single();

        Assert.True(outcome.Success, outcome.ToString());
        Assert.Equal("dat", outcome.Key?["dataAreaId"]);
    }

    [Fact]
    public async Task A_create_takes_key_fields_from_its_key_when_its_values_lack_them()
    {
        var write = new FinOpsWrite(Customers, ChangeOperation.Create, Rows.Customer("dat", "KV-1"), new Row { ["CustomerGroupId"] = "10" });

        var outcome = (await finOps.Client.WriteAsync([write], atomic: true, CancellationToken.None)).Single();

        Assert.True(outcome.Success, outcome.ToString());
        Assert.NotNull(await finOps.Client.ReadAsync(Customers, Rows.Customer("dat", "KV-1"), CancellationToken.None));
    }

    [Fact]
    public async Task More_independent_writes_than_a_batch_takes_go_in_several_batches()
    {
        var transport = finOps.Emulator.Transport();
        var client = new FinOpsClient(transport, finOps.Emulator.Schema);
        var writes = Enumerable.Range(0, FinOpsClient.MaxBatchOperations + 1)
            .Select(i => FinOpsWrite.Delete(Customers, Rows.Customer("dat", $"GONE-{i}")))
            .ToArray();

        var outcomes = await client.WriteAsync(writes, atomic: false, CancellationToken.None);

        Assert.Equal(writes.Length, outcomes.Count);
        Assert.Equal(Enumerable.Range(0, writes.Length), outcomes.Select(o => o.Index));
        Assert.All(outcomes, o => Assert.Equal(404, o.Status));
        Assert.Equal(Rows.Customer("dat", "GONE-5000"), outcomes[^1].Key);
        Assert.Equal(2, transport.Statistics.Requests);
    }

    [Fact]
    public async Task An_atomic_write_larger_than_a_change_set_may_be_is_refused_before_anything_is_sent()
    {
        var writes = Enumerable.Range(0, FinOpsClient.MaxBatchOperations + 1).Select(i => Customer($"BIG-{i}")).ToArray();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => finOps.Client.WriteAsync(writes, atomic: true, CancellationToken.None));

        Assert.Contains("5001", error.Message, StringComparison.Ordinal);
        Assert.Null(await finOps.Client.ReadAsync(Customers, Rows.Customer("dat", "BIG-0"), CancellationToken.None));
    }

    [Fact]
    public async Task Writes_without_their_key_or_values_are_refused_with_their_index()
    {
        var noKey = new FinOpsWrite(Customers, ChangeOperation.Delete);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => finOps.Client.WriteAsync([Customer("NK-1"), noKey], atomic: false, CancellationToken.None));
        Assert.Contains("#1", error.Message, StringComparison.Ordinal);

        var partialKey = FinOpsWrite.Update(Customers, RowKey.Of(("CustomerAccount", "NK-1")), new Row { ["CreditLimit"] = 1m });
        error = await Assert.ThrowsAsync<ArgumentException>(() => finOps.Client.WriteAsync([partialKey], atomic: false, CancellationToken.None));
        Assert.Contains("dataAreaId", error.Message, StringComparison.Ordinal);

        var unknownEntity = FinOpsWrite.Delete("NoSuchEntities", RowKey.Of(("Id", "1")));
        error = await Assert.ThrowsAsync<ArgumentException>(() => finOps.Client.WriteAsync([Customer("NK-1"), unknownEntity], atomic: true, CancellationToken.None));
        Assert.Contains("#1", error.Message, StringComparison.Ordinal);
        Assert.Contains("NoSuchEntities", error.Message, StringComparison.Ordinal);

        Assert.Empty(await finOps.Client.WriteAsync([], atomic: true, CancellationToken.None));
        Assert.Null(await finOps.Client.ReadAsync(Customers, Rows.Customer("dat", "NK-1"), CancellationToken.None));
    }

    internal static FinOpsWrite Customer(string account, decimal creditLimit = 1000m, int onHold = 0, string? name = null, string group = "10") =>
        FinOpsWrite.Create(Customers, new Row
        {
            ["dataAreaId"] = "dat",
            ["CustomerAccount"] = account,
            ["CustomerGroupId"] = group,
            ["OrganizationName"] = name ?? $"Contoso {account}",
            ["PartyType"] = 2,
            ["IsOneTimeCustomer"] = 1,
            ["OnHoldStatus"] = onHold,
            ["CreditLimit"] = creditLimit,
            ["OrganizationNumberOfEmployees"] = 250L,
            ["CreditRating"] = "AA",
        });
}
