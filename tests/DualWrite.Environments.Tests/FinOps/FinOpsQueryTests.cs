using System.Net;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.FinOps;

public sealed class FinOpsQueryTests(FinOpsQueryTests.Data data) : IClassFixture<FinOpsQueryTests.Data>
{
    [Theory]
    [InlineData("CreditLimit gt 300", new[] { "Q-4", "Q-5" })]
    [InlineData("CreditLimit le 200 and PartyType eq Microsoft.Dynamics.DataEntities.DirPartyBaseType'Person'", new[] { "Q-2" })]
    [InlineData("startswith(OrganizationName,'al') or endswith(OrganizationName,'VE')", new[] { "Q-1", "Q-5" })]
    [InlineData("contains(OrganizationName,'ET')", new[] { "Q-2" })]
    [InlineData("not (CreditLimit ge 200)", new[] { "Q-1" })]
    [InlineData("IsOneTimeCustomer eq Microsoft.Dynamics.DataEntities.NoYes'Yes'", new[] { "Q-3" })]
    [InlineData("OrganizationName eq null", new[] { "Q-6" })]
    [InlineData("OrganizationName ne 'Alpha'", new[] { "Q-2", "Q-3", "Q-4", "Q-5", "Q-6" })]
    [InlineData("contains(OrganizationName,'%')", new string[0])]
    [InlineData("OrganizationName eq 'x'' or 1=1 --'", new string[0])]
    public async Task Filter_selects_exactly_the_matching_rows(string filter, string[] expected)
    {
        var rows = await data.AccountsAsync($"$filter=({filter}) and startswith(CustomerAccount,'Q-')");
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task A_literal_that_looks_like_SQL_is_matched_as_text()
    {
        using var client = await data.Env.ClientAsync();
        (await client.PostAsync("CustomersV3", TestEnvironment.Json(new { CustomerAccount = "SQL-1", CustomerGroupId = "10", OrganizationName = "x' or 1=1; DROP TABLE t_CustomersV3; --" }))).EnsureSuccessStatusCode();
        var rows = await FinOpsEntityTests.ValuesAsync(client, "CustomersV3?$filter=OrganizationName eq 'x'' or 1=1; DROP TABLE t_CustomersV3; --'");
        Assert.Equal(["SQL-1"], rows.Select(r => r.GetProperty("CustomerAccount").GetString()));
        Assert.Equal(7, (await FinOpsEntityTests.ValuesAsync(client, "CustomersV3")).Count);
    }

    [Fact]
    public async Task A_literal_longer_than_its_field_matches_nothing_rather_than_failing()
    {
        using var client = await data.Env.ClientAsync();
        var tooLong = new string('Q', 500);
        Assert.Empty(await FinOpsEntityTests.ValuesAsync(client, $"CustomersV3?$filter=CustomerAccount eq '{tooLong}'"));
        using var byKey = await client.GetAsync($"CustomersV3(dataAreaId='dat',CustomerAccount='{tooLong}')");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, byKey.StatusCode);
    }

    [Fact]
    public async Task Select_orderby_top_skip_and_count_shape_the_result()
    {
        using var client = await data.Env.ClientAsync();
        var root = await FinOpsEntityTests.RowAsync(client, "CustomersV3?$filter=startswith(CustomerAccount,'Q-')&$select=CustomerAccount,CreditLimit&$orderby=CreditLimit desc,CustomerAccount&$top=2&$skip=1&$count=true");
        Assert.Equal(6, root.GetProperty("@odata.count").GetInt64());
        var values = root.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["Q-4", "Q-3"], values.Select(v => v.GetProperty("CustomerAccount").GetString()));
        Assert.All(values, v => Assert.False(v.TryGetProperty("OrganizationName", out _)));

        using var count = await client.GetAsync("CustomersV3/$count?$filter=startswith(CustomerAccount,'Q-')");
        Assert.Equal("6", await count.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("$filter=CreditLimit gt", "position 14")]
    [InlineData("$filter=Nope eq 1", "'Nope'")]
    [InlineData("$filter=CreditLimit eq 'abc'", "'CreditLimit'")]
    [InlineData("$top=-1", "$top")]
    [InlineData("$orderby=Nope", "'Nope'")]
    [InlineData("$select=Nope", "'Nope'")]
    [InlineData("$skiptoken=garbage", "$skiptoken")]
    [InlineData("$apply=groupby", "$apply")]
    public async Task A_bad_query_option_is_a_400_that_names_the_problem(string query, string expected)
    {
        using var client = await data.Env.ClientAsync();
        using var response = await client.GetAsync("CustomersV3?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await FinOpsEntityTests.ErrorMessageAsync(response), StringComparison.Ordinal);
    }

    public sealed class Data : IAsyncLifetime
    {
        private readonly FinOpsFixture fixture = new();

        internal TestEnvironment Env => fixture.Environment;

        public async Task InitializeAsync()
        {
            await fixture.InitializeAsync();
            using var client = await Env.ClientAsync();
            object[] rows =
            [
                new { CustomerAccount = "Q-1", CustomerGroupId = "10", OrganizationName = "Alpha", CreditLimit = 100m, PartyType = "Organization" },
                new { CustomerAccount = "Q-2", CustomerGroupId = "10", OrganizationName = "Beta", CreditLimit = 200m, PartyType = "Person" },
                new { CustomerAccount = "Q-3", CustomerGroupId = "10", OrganizationName = "Gamma", CreditLimit = 300m, PartyType = "Organization", IsOneTimeCustomer = "Yes" },
                new { CustomerAccount = "Q-4", CustomerGroupId = "20", OrganizationName = "Delta", CreditLimit = 400m, PartyType = "Organization" },
                new { CustomerAccount = "Q-5", CustomerGroupId = "20", OrganizationName = "Five", CreditLimit = 500m, PartyType = "Organization" },
                new { CustomerAccount = "Q-6", CustomerGroupId = "20", OrganizationName = (string?)null, CreditLimit = 250m, PartyType = "Organization" },
            ];
            foreach (var row in rows)
            {
                (await client.PostAsync("CustomersV3", TestEnvironment.Json(row))).EnsureSuccessStatusCode();
            }
        }

        public Task DisposeAsync() => fixture.DisposeAsync();

        public async Task<string[]> AccountsAsync(string query)
        {
            using var client = await Env.ClientAsync();
            var rows = await FinOpsEntityTests.ValuesAsync(client, "CustomersV3?" + query + "&$orderby=CustomerAccount");
            return rows.Select(r => r.GetProperty("CustomerAccount").GetString()!).ToArray();
        }
    }
}
