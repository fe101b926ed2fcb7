using System.Net;
using System.Text.Json;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.Dataverse;

public sealed class DataverseQueryTests(DataverseFixture fixture) : IClassFixture<DataverseFixture>
{
    private TestEnvironment Env => fixture.Environment;

    [Fact]
    public async Task Select_filter_orderby_and_top_shape_the_answer()
    {
        using var client = await Env.ClientAsync();
        foreach (var (number, employees) in ((string, int)[])[("Q1-A", 5), ("Q1-B", 50), ("Q1-C", 20), ("Q1-D", 35), ("Q1-E", 11)])
        {
            await Dv.CreateAccountAsync(client, number, fixture.Usmf, "Name " + number, ("numberofemployees", employees), ("description", "not selected"));
        }

        var rows = await Dv.ValuesAsync(client, "accounts?$select=accountnumber,numberofemployees&$filter=startswith(accountnumber,'Q1-') and numberofemployees gt 10&$orderby=numberofemployees desc&$top=3");

        Assert.Equal(["Q1-B", "Q1-D", "Q1-C"], rows.Select(r => r.GetProperty("accountnumber").GetString()));
        Assert.Equal([50, 35, 20], rows.Select(r => r.GetProperty("numberofemployees").GetInt32()));
        Assert.All(rows, r => Assert.Equal(
            ["@odata.etag", "accountid", "accountnumber", "numberofemployees"],
            r.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Filter_on_the_company_value_on_option_values_and_on_null_lookups()
    {
        using var client = await Env.ClientAsync();
        await Dv.CreateAccountAsync(client, "Q2-A", fixture.Usmf, "A", ("customertypecode", 3));
        await Dv.CreateAccountAsync(client, "Q2-B", fixture.Gbsi, "B", ("customertypecode", 3));
        await Dv.CreateAccountAsync(client, "Q2-C", fixture.Usmf, "C", ("customertypecode", 11));
        await Dv.CreateAccountAsync(client, "Q2-D", null, "D", ("customertypecode", 3));

        async Task<string[]> Numbers(string filter) =>
            (await Dv.ValuesAsync(client, $"accounts?$filter=startswith(accountnumber,'Q2-') and ({filter})&$orderby=accountnumber"))
                .Select(r => r.GetProperty("accountnumber").GetString()!).ToArray();

        Assert.Equal(["Q2-A", "Q2-C"], await Numbers($"_msdyn_company_value eq {fixture.Usmf}"));
        Assert.Equal(["Q2-A", "Q2-B", "Q2-D"], await Numbers("customertypecode eq 3"));
        Assert.Equal(["Q2-A"], await Numbers($"customertypecode eq 3 and _msdyn_company_value eq {fixture.Usmf}"));
        Assert.Equal(["Q2-D"], await Numbers("_msdyn_company_value eq null"));
        Assert.Equal(["Q2-B", "Q2-C", "Q2-D"], await Numbers($"_msdyn_company_value ne {fixture.Usmf} or customertypecode ne 3"));

        var row = (await Dv.ValuesAsync(client, "accounts?$filter=accountnumber eq 'Q2-C'&$select=customertypecode")).Single();
        Assert.Equal(JsonValueKind.Number, row.GetProperty("customertypecode").ValueKind);
        Assert.Equal(11, row.GetProperty("customertypecode").GetInt32());

        using var byName = await client.GetAsync("accounts?$filter=msdyn_company eq null");
        Assert.Equal(HttpStatusCode.BadRequest, byName.StatusCode);
    }

    [Fact]
    public async Task Expand_follows_a_single_valued_lookup_with_its_own_select()
    {
        using var client = await Env.ClientAsync();
        var id = await Dv.CreateAccountAsync(client, "Q3-A", fixture.Usmf);
        var orphan = await Dv.CreateAccountAsync(client, "Q3-B", null);

        var one = await Dv.ReadAsync(client, $"accounts({id})?$select=name&$expand=msdyn_company($select=cdm_companycode)");
        var company = one.GetProperty("msdyn_company");
        Assert.Equal("usmf", company.GetProperty("cdm_companycode").GetString());
        Assert.Equal(fixture.Usmf, company.GetProperty("cdm_companyid").GetGuid());
        Assert.False(company.TryGetProperty("cdm_name", out _));

        var many = await Dv.ValuesAsync(client, "accounts?$filter=startswith(accountnumber,'Q3-')&$orderby=accountnumber&$expand=msdyn_company($select=cdm_companycode)");
        Assert.Equal("usmf", many[0].GetProperty("msdyn_company").GetProperty("cdm_companycode").GetString());
        Assert.Equal(JsonValueKind.Null, many[1].GetProperty("msdyn_company").ValueKind);
        Assert.Equal(orphan, many[1].GetProperty("accountid").GetGuid());

        var whole = await Dv.ReadAsync(client, $"accounts({id})?$expand=msdyn_company");
        Assert.Equal("USMF", whole.GetProperty("msdyn_company").GetProperty("cdm_name").GetString());

        using var notLookup = await client.GetAsync($"accounts({id})?$expand=name");
        Assert.Equal(HttpStatusCode.BadRequest, notLookup.StatusCode);
        using var unknownColumn = await client.GetAsync($"accounts({id})?$expand=msdyn_company($select=nothing)");
        Assert.Equal(HttpStatusCode.BadRequest, unknownColumn.StatusCode);
    }

    [Fact]
    public async Task Quotes_and_sql_in_literals_are_data()
    {
        using var client = await Env.ClientAsync();
        const string name = "O'Brien'); DROP TABLE t_account; --";
        var id = await Dv.CreateAccountAsync(client, "Q4-'1", fixture.Usmf, name);

        var found = await Dv.ValuesAsync(client, $"accounts?$filter=name eq '{name.Replace("'", "''", StringComparison.Ordinal)}'");
        Assert.Equal(id, Assert.Single(found).GetProperty("accountid").GetGuid());
        var byKey = await Dv.ReadAsync(client, $"accounts(accountnumber='Q4-''1',_msdyn_company_value={fixture.Usmf})");
        Assert.Equal(name, byKey.GetProperty("name").GetString());
        Assert.Empty(await Dv.ValuesAsync(client, "accounts?$filter=name eq 'x'' or 1=1 or name eq ''y'"));
        Assert.Contains(id, (await Dv.ValuesAsync(client, "accounts?$filter=contains(name,'%25')  or contains(name,'DROP')")).Select(r => r.GetProperty("accountid").GetGuid()));
        Assert.Empty(await Dv.ValuesAsync(client, "accounts?$filter=contains(name,'%25')"));

        var percent = await Dv.CreateAccountAsync(client, "Q4-%41/2", fixture.Usmf, "Percent");
        var byEscapedKey = await Dv.ReadAsync(client, $"accounts(accountnumber='{Uri.EscapeDataString("Q4-%41/2")}',_msdyn_company_value={fixture.Usmf})");
        Assert.Equal(percent, byEscapedKey.GetProperty("accountid").GetGuid());
    }

    [Fact]
    public async Task Unknown_columns_in_select_filter_and_orderby_are_400s_that_name_them()
    {
        using var client = await Env.ClientAsync();
        foreach (var url in (string[])["accounts?$select=colour", "accounts?$filter=colour eq 'red'", "accounts?$orderby=colour", "serviceendpoints?$select=authvalue", "serviceendpoints?$filter=authvalue ne null"])
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var message = await Dv.ErrorAsync(response);
            Assert.True(message.Contains("colour", StringComparison.Ordinal) || message.Contains("authvalue", StringComparison.Ordinal), message);
        }
    }

    [Fact]
    public async Task Server_paging_returns_every_row_exactly_once_even_when_rows_are_added_between_pages()
    {
        using var client = await Env.ClientAsync();
        for (var i = 0; i < 23; i++)
        {
            await Dv.CreateAccountAsync(client, $"Q5-{i:00}", (i % 3) switch { 0 => null, 1 => fixture.Usmf, _ => fixture.Gbsi }, $"Paged {i % 4}");
        }

        foreach (var query in (string[])["", "&$orderby=name desc", "&$orderby=_msdyn_company_value,name", "&$orderby=_msdyn_company_value desc,name desc", "&$orderby=modifiedon desc,versionnumber"])
        {
            var seen = new List<string>();
            var pages = 0;
            string? url = "accounts?$select=accountnumber,name&$filter=startswith(accountnumber,'Q5-')" + query;
            while (url is not null)
            {
                var page = await Dv.ReadAsync(client, url, "odata.maxpagesize=5");
                var rows = page.GetProperty("value").EnumerateArray().ToList();
                Assert.InRange(rows.Count, 1, 5);
                seen.AddRange(rows.Select(r => r.GetProperty("accountnumber").GetString()!));
                url = page.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
                pages++;
            }

            Assert.Equal(5, pages);
            Assert.Equal(Enumerable.Range(0, 23).Select(i => $"Q5-{i:00}"), seen.Order(StringComparer.Ordinal));
        }

        var added = new List<string>();
        string? link = "accounts?$select=accountnumber&$filter=startswith(accountnumber,'Q5-')&$orderby=accountnumber";
        var all = new List<string>();
        while (link is not null)
        {
            var page = await Dv.ReadAsync(client, link, "odata.maxpagesize=4");
            all.AddRange(page.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("accountnumber").GetString()!));
            link = page.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
            var number = $"Q5-{30 + added.Count:00}";
            await Dv.CreateAccountAsync(client, number, fixture.Usmf);
            added.Add(number);
        }

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 23).Select(i => $"Q5-{i:00}"), all.Take(23));
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
    }

    [Fact]
    public async Task Top_is_kept_across_pages()
    {
        using var client = await Env.ClientAsync();
        for (var i = 0; i < 9; i++)
        {
            await Dv.CreateAccountAsync(client, $"Q6-{i}", fixture.Usmf);
        }

        var seen = 0;
        string? url = "accounts?$filter=startswith(accountnumber,'Q6-')&$top=7";
        while (url is not null)
        {
            var page = await Dv.ReadAsync(client, url, "odata.maxpagesize=3");
            seen += page.GetProperty("value").GetArrayLength();
            url = page.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
        }

        Assert.Equal(7, seen);
    }
}
