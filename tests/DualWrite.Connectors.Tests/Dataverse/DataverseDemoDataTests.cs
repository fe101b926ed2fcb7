using DualWrite.Connectors.Dataverse;
using DualWrite.Testing;
using DualWrite.Environments.Hosting;

namespace DualWrite.Connectors.Tests.Dataverse;

public sealed class DataverseDemoDataTests
{
    [Fact]
    public async Task The_demo_accounts_read_in_small_pages_with_their_company_code_some_with_none()
    {
        await using var emulator = await Emulator.StartAsync(EnvironmentKind.Dataverse, demo: true);
        var client = new DataverseClient(emulator.Transport(), emulator.Schema);

        var rows = await Accounts.ReadAllAsync(client, "account", new DataverseQuery
        {
            Select = ["name", "accountnumber", "msdyn_company", "transactioncurrencyid"],
            Expand = ["msdyn_company.cdm_companycode", "transactioncurrencyid.isocurrencycode"],
            PageSize = 7,
        });

        Assert.Equal(40, rows.Count);
        Assert.Equal(40, rows.Select(r => r["accountid"]).Distinct().Count());
        var ids = rows.Select(r => ((Guid)r["accountid"]!).ToString("D")).ToArray();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Contains(rows, r => r["msdyn_company"] is null && r["msdyn_company.cdm_companycode"] is null);
        Assert.Contains(rows, r => r["msdyn_company"] is Guid && (string?)r["msdyn_company.cdm_companycode"] == "demf");
        Assert.All(rows.Where(r => r["transactioncurrencyid"] is Guid), r => Assert.IsType<string>(r["transactioncurrencyid.isocurrencycode"]));
    }
}
