using System.Text.Json;
using DualWrite.Cli.Tests.Support;
using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Rows;

namespace DualWrite.Cli.Tests;

public sealed class BootstrapCommandTests(LinkedRuntime runtime) : IClassFixture<LinkedRuntime>
{
    [Fact]
    public async Task A_file_is_loaded_through_a_map_and_its_failed_rows_are_written_beside_it()
    {
        Assert.Equal(0, (await runtime.RunAsync("run", "Currencies", "--wait")).Exit);
        Assert.Equal(0, (await runtime.RunAsync("run", "Customer groups", "--wait")).Exit);
        var folder = Path.Combine(runtime.DataFolder, "exports");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "customers.csv");
        await File.WriteAllTextAsync(file,
            "CUSTOMERACCOUNT,DATAAREAID,ORGANIZATIONNAME,PARTYTYPE,CUSTOMERGROUPID,SALESCURRENCYCODE,PAYMENTTERMS,CREDITLIMIT\r\n"
            + "CLI-1,usmf,\"Contoso, Ltd.\",Organization,10,USD,Net30,100\r\n"
            + "CLI-1,gbsi,Contoso UK,Organization,10,GBP,Net30,100\r\n"
            + "CLI-2,usmf,Too much,Organization,10,USD,Net30,a lot\r\n");

        var loaded = await runtime.RunAsync("bootstrap", "file", "--map", "Customers V3 (accounts)", "--file", file);
        var again = await runtime.RunAsync("bootstrap", "file", "--map", "Customers V3 (accounts)", "--file", file, "--json");

        Assert.True(loaded.Exit == 1, loaded.Output);
        Assert.Contains("Skipped 1 row(s) of the company gbsi, which is not linked.", loaded.Output, StringComparison.Ordinal);
        var errors = await File.ReadAllLinesAsync(Path.Combine(folder, "customers.errors.csv"));
        Assert.Equal("line,key,reason", errors[0]);
        Assert.StartsWith("4,", Assert.Single(errors.Skip(1)), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(again.Output);
        var counts = json.RootElement.GetProperty("counts");
        Assert.Equal([3, 0, 0, 1, 1, 1], new[] { "read", "created", "updated", "unchanged", "skipped", "failed" }.Select(c => counts.GetProperty(c).GetInt64()));
    }

    [Fact]
    public async Task Company_bootstrap_stamps_rows_without_a_company_and_says_when_the_company_is_not_linked()
    {
        var dataverse = new DataverseClient(runtime.DataverseEmulator.Transport(), runtime.DataverseEmulator.Schema);
        var created = await dataverse.WriteAsync([new DataverseWrite("account", DataverseOperation.Create, Values: new Row { ["name"] = "Stamp me" })], atomic: true, CancellationToken.None);
        Assert.True(created[0].Success, created[0].Message);

        var stamped = await runtime.RunAsync("bootstrap", "company", "--company", "USMF", "--table", "accounts", "--filter", "name eq 'Stamp me'");
        var refused = await runtime.RunAsync("bootstrap", "company", "--company", "jpmf", "--table", "account");

        Assert.True(stamped.Exit == 0, stamped.Output);
        Assert.Contains("Completed", stamped.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("'jpmf' is not linked", refused.Output, StringComparison.Ordinal);
    }
}
