using System.Globalization;
using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Rows;

namespace DualWrite.Connectors.Tests.Dataverse;

public sealed class DataverseReadTests(DataverseFixture fixture) : IClassFixture<DataverseFixture>
{
    private DataverseClient Client => fixture.Client;

    [Fact]
    public async Task Pages_smaller_than_the_table_bring_every_row_once_in_order_one_page_at_a_time()
    {
        var numbers = Enumerable.Range(1, 250).Select(i => string.Create(CultureInfo.InvariantCulture, $"PG-{i:D4}")).ToArray();
        var shuffled = numbers.OrderBy(n => n.GetHashCode(StringComparison.Ordinal)).ToArray();
        await Accounts.WriteAllAsync(Client, shuffled.Select(n => Accounts.Create(n, "Paged " + n)).ToArray(), atomic: false);

        var pages = new List<IReadOnlyList<Row>>();
        var query = new DataverseQuery { Filter = "startswith(accountnumber,'PG-')", OrderBy = ["accountnumber"], Select = ["accountnumber", "name"], PageSize = 40 };
        await foreach (var page in Client.ReadPagesAsync("account", query, CancellationToken.None))
        {
            pages.Add(page);
        }

        Assert.Equal(7, pages.Count);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(40, p.Count));
        Assert.Equal(numbers, pages.SelectMany(p => p).Select(r => (string?)r["accountnumber"]));
        Assert.All(pages.SelectMany(p => p), r => Assert.Equal("Paged " + r["accountnumber"], r["name"]));
        Assert.All(pages.SelectMany(p => p), r => Assert.IsType<Guid>(r["accountid"]));
    }

    [Fact]
    public async Task Descending_order_is_kept_across_pages()
    {
        var numbers = Enumerable.Range(1, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"PD-{i:D3}")).ToArray();
        await Accounts.WriteAllAsync(Client, numbers.Select(n => Accounts.Create(n, "Same name")).ToArray(), atomic: true);

        var rows = await Accounts.ReadAllAsync(Client, "account", new DataverseQuery
        {
            Filter = "startswith(accountnumber,'PD-')",
            OrderBy = ["name", "accountnumber desc"],
            PageSize = 7,
        });

        Assert.Equal(numbers.Reverse(), rows.Select(r => (string?)r["accountnumber"]));
    }

    [Fact]
    public async Task Expanded_lookups_come_flattened_into_the_row_and_null_when_the_lookup_is_empty()
    {
        await Accounts.WriteAllAsync(Client,
        [
            Accounts.Upsert("EX-001", fixture.Usmf, "With company"),
            Accounts.Create("EX-002", "Without company"),
        ], atomic: true);

        var rows = await Accounts.ReadAllAsync(Client, "account", new DataverseQuery
        {
            Filter = "startswith(accountnumber,'EX-')",
            OrderBy = ["accountnumber"],
            Select = ["accountnumber", "msdyn_company"],
            Expand = ["msdyn_company.cdm_companycode", "msdyn_company.cdm_name", "msdyn_customergroupid.msdyn_groupid"],
        });

        Assert.Equal(2, rows.Count);
        Assert.Equal(fixture.Usmf, rows[0]["msdyn_company"]);
        Assert.Equal("usmf", rows[0]["msdyn_company.cdm_companycode"]);
        Assert.Equal("Contoso Entertainment System USA", rows[0]["msdyn_company.cdm_name"]);
        Assert.Null(rows[0]["msdyn_customergroupid.msdyn_groupid"]);
        Assert.Null(rows[1]["msdyn_company"]);
        Assert.Null(rows[1]["msdyn_company.cdm_companycode"]);
        Assert.False(rows[0].Contains("name"));
    }

    [Fact]
    public async Task Expansions_deeper_than_one_level_or_of_plain_columns_are_refused_before_anything_is_sent()
    {
        var requests = fixture.Transport.Statistics.Requests;

        await Assert.ThrowsAsync<ArgumentException>(() => Accounts.ReadAllAsync(Client, "account", new DataverseQuery { Expand = ["msdyn_customergroupid.msdyn_company.cdm_companycode"] }));
        await Assert.ThrowsAsync<ArgumentException>(() => Accounts.ReadAllAsync(Client, "account", new DataverseQuery { Expand = ["name.length"] }));
        await Assert.ThrowsAsync<ArgumentException>(() => Accounts.ReadAllAsync(Client, "account", new DataverseQuery { Select = ["no_such_column"] }));
        await Assert.ThrowsAsync<ArgumentException>(() => Accounts.ReadAllAsync(Client, "no_such_table", DataverseQuery.All));
        Assert.Equal(requests, fixture.Transport.Statistics.Requests);
    }

    [Fact]
    public async Task Values_come_typed_as_rows_hold_them()
    {
        var outcome = Assert.Single(await Accounts.WriteAllAsync(Client,
        [
            Accounts.Upsert(
                "TY-001",
                fixture.Usmf,
                "Typed",
                ("customertypecode", 3),
                ("creditlimit", 2500.5m),
                ("msdyn_onetimecustomer", true),
                ("msdyn_creditlimitismandatory", false),
                ("numberofemployees", 42L),
                ("address1_latitude", 47.60621m),
                ("msdyn_onholdstatus", 806380002)),
        ], atomic: false));

        var row = await Client.ReadAsync("account", DataverseKey.ById(outcome.Id!.Value), CancellationToken.None);

        Assert.NotNull(row);
        Assert.Equal(outcome.Id, Assert.IsType<Guid>(row["accountid"]));
        Assert.Equal(3, Assert.IsType<int>(row["customertypecode"]));
        Assert.Equal(806380002, Assert.IsType<int>(row["msdyn_onholdstatus"]));
        Assert.Equal(2500.5m, Assert.IsType<decimal>(row["creditlimit"]));
        Assert.True(Assert.IsType<bool>(row["msdyn_onetimecustomer"]));
        Assert.False(Assert.IsType<bool>(row["msdyn_creditlimitismandatory"]));
        Assert.Equal(42L, Assert.IsType<long>(row["numberofemployees"]));
        Assert.Equal(47.60621m, Assert.IsType<decimal>(row["address1_latitude"]));
        Assert.Equal(fixture.Usmf, Assert.IsType<Guid>(row["msdyn_company"]));
        Assert.Null(row["telephone1"]);
        var created = Assert.IsType<DateTimeOffset>(row["createdon"]);
        Assert.Equal(TimeSpan.Zero, created.Offset);
        Assert.InRange(created, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.IsType<DateTimeOffset>(row["modifiedon"]);
        Assert.IsType<long>(row["versionnumber"]);
    }

    [Fact]
    public async Task A_row_is_read_by_id_or_by_an_alternate_key_holding_a_lookup_and_a_missing_one_is_null()
    {
        var id = Assert.Single(await Accounts.WriteAllAsync(Client, [Accounts.Upsert("RD-001", fixture.Usmf, "O'Brien & Sons / Ltd")], atomic: false)).Id!.Value;

        var byId = await Client.ReadAsync("account", DataverseKey.ById(id), CancellationToken.None);
        var byKey = await Client.ReadAsync("account", Accounts.Key("RD-001", fixture.Usmf), CancellationToken.None);
        var expanded = await Client.ReadAsync("account", Accounts.Key("rd-001", fixture.Usmf), ["msdyn_company.cdm_companycode"], CancellationToken.None);

        Assert.Equal("O'Brien & Sons / Ltd", byId?["name"]);
        Assert.Equal(id, byKey?["accountid"]);
        Assert.Equal("usmf", expanded?["msdyn_company.cdm_companycode"]);
        Assert.Null(await Client.ReadAsync("account", DataverseKey.ById(Guid.NewGuid()), CancellationToken.None));
        Assert.Null(await Client.ReadAsync("account", Accounts.Key("RD-404", fixture.Usmf), CancellationToken.None));
    }

    [Fact]
    public async Task A_key_that_matches_no_alternate_key_fails_with_the_table_the_key_and_the_services_message()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.ReadAsync("account", DataverseKey.ByAlternateKey(("name", "Contoso")), CancellationToken.None));

        Assert.Equal(400, error.Status);
        Assert.Contains("account (name='Contoso')", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not match the id or an alternate key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindIdAsync_finds_the_row_with_the_key_values_and_none_is_null()
    {
        var gbsi = await Client.EnsureCompanyAsync("gbsi", null, CancellationToken.None);
        var outcomes = await Accounts.WriteAllAsync(Client,
        [
            Accounts.Upsert("FI-001", fixture.Usmf, "In usmf"),
            Accounts.Upsert("FI-001", gbsi, "In gbsi"),
        ], atomic: true);

        Assert.Equal(outcomes[0].Id, await Client.FindIdAsync("account", Values(("accountnumber", "FI-001"), ("msdyn_company", fixture.Usmf)), CancellationToken.None));
        Assert.Equal(outcomes[1].Id, await Client.FindIdAsync("account", Values(("accountnumber", "fi-001"), ("msdyn_company", gbsi)), CancellationToken.None));
        Assert.Null(await Client.FindIdAsync("account", Values(("accountnumber", "FI-002"), ("msdyn_company", gbsi)), CancellationToken.None));
        var ambiguous = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.FindIdAsync("account", Values(("accountnumber", "FI-001")), CancellationToken.None));
        Assert.Contains("more than one", ambiguous.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureCompanyAsync_creates_a_company_once_and_codes_compare_without_case()
    {
        Assert.Null(await Client.CompanyIdAsync("dat", CancellationToken.None));

        var first = await Client.EnsureCompanyAsync("dat", "Contoso Entertainment System", CancellationToken.None);
        var again = await Client.EnsureCompanyAsync("DAT", "Another name", CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(first, await Client.CompanyIdAsync("Dat", CancellationToken.None));
        var companies = await Accounts.ReadAllAsync(Client, "cdm_company", new DataverseQuery { Filter = "cdm_companycode eq 'dat'" });
        var company = Assert.Single(companies);
        Assert.Equal("Contoso Entertainment System", company["cdm_name"]);
    }

    private static Dictionary<string, object?> Values(params (string Column, object? Value)[] values) =>
        values.ToDictionary(v => v.Column, v => v.Value);
}
