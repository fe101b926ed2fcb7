using System.Text;
using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Runtime.Bootstrap;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Tests.InitialSync;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.Tests.Bootstrap;

public sealed class FileBootstrapTests
{
    private const string Map = "Customers V3 (accounts)";
    private const string Header = "CUSTOMERACCOUNT,DATAAREAID,ORGANIZATIONNAME,PARTYTYPE,CUSTOMERGROUPID,SALESCURRENCYCODE,PAYMENTTERMS,CREDITLIMIT,ISONETIMECUSTOMER,INVOICEACCOUNT,SALESMEMO,FULLPRIMARYADDRESS";

    [Fact]
    public async Task The_same_account_number_in_two_companies_gives_two_accounts_and_a_second_run_changes_nothing()
    {
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync(Master.Dataverse, SyncHarness.Dependencies);
        var usmf = await TermsOfAsync(harness, "usmf");
        var gbsi = await TermsOfAsync(harness, "gbsi");
        using var folder = TempFolder();
        var file = Write(folder, Header,
            $"BT-001,usmf,\"Contoso, Ltd.\",Organization,{usmf},1000.50,No,,\"A memo\nover two lines\",\"1 Main St, Springfield\"",
            $"BT-001,GBSI,Contoso UK,Organization,{gbsi},2000,Yes,,,",
            $"BT-002,usmf,Billed elsewhere,Organization,{usmf},,No,BT-001,,");

        var first = await BootstrapAsync(harness, file);
        var second = await BootstrapAsync(harness, file);

        Assert.Equal((3, 3, 0, 0, 0, 0), Tally(first));
        Assert.Equal((3, 0, 0, 3, 0, 0), Tally(second));
        var accounts = await AccountsAsync(harness);
        Assert.Equal(["gbsi|BT-001", "usmf|BT-001", "usmf|BT-002"], accounts.Keys);
        Assert.Equal("Contoso, Ltd.|1000.50|No|", accounts["usmf|BT-001"]);
        Assert.StartsWith("Contoso UK|2000", accounts["gbsi|BT-001"], StringComparison.Ordinal);
        Assert.EndsWith("|usmf|BT-001", accounts["usmf|BT-002"], StringComparison.Ordinal);
        Assert.Equal(["line,key,reason"], await File.ReadAllLinesAsync(first.ErrorFile));
    }

    [Fact]
    public async Task Unlinked_companies_and_rows_outside_the_filter_are_skipped_and_every_failed_line_is_listed_with_its_reason()
    {
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync(Master.Dataverse, SyncHarness.Dependencies);
        var usmf = await TermsOfAsync(harness, "usmf");
        using var folder = TempFolder();
        var file = Write(folder, Header,
            $"BT-001,usmf,Kept,Organization,{usmf},10,No,,,",
            $"BT-002,jpmf,Elsewhere,Organization,{usmf},10,No,,,",
            $"BT-003,JPMF,Elsewhere too,Organization,{usmf},10,No,,,",
            $"BT-004,usmf,A person,Person,{usmf},10,No,,,",
            $"BT-005,usmf,No such group,Organization,{usmf.Replace(usmf.Split(',')[0], "NOPE", StringComparison.Ordinal)},10,No,,,",
            $"BT-006,usmf,Bad limit,Organization,{usmf},lots,No,,,",
            $"BT-007,usmf,Missing invoice account,Organization,{usmf},10,No,BT-999,,");
        var untouched = await CreateAccountAsync(harness, "usmf", "DV-ONLY", "Only in Dataverse");

        var result = await BootstrapAsync(harness, file);

        Assert.Equal((7, 2, 0, 0, 3, 3), Tally(result));
        Assert.Equal(new Dictionary<string, long> { ["jpmf"] = 2 }, result.UnlinkedCompanies);
        Assert.Contains("FULLPRIMARYADDRESS", result.IgnoredColumns);
        // Errors are listed as they are found, which is not always the order of the file.
        var errors = await File.ReadAllLinesAsync(result.ErrorFile);
        Assert.Equal("line,key,reason", errors[0]);
        var byLine = errors.Skip(1).ToDictionary(e => e[..e.IndexOf(',', StringComparison.Ordinal)], e => e);
        Assert.Equal(["6", "7", "8"], byLine.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("lookup msdyn_customergroupid.msdyn_groupid = 'NOPE' not found in company usmf", byLine["6"], StringComparison.Ordinal);
        Assert.Contains("line 7, column 8 (CREDITLIMIT): 'lots' is not a number", byLine["7"], StringComparison.Ordinal);
        Assert.Contains("CustomerAccount='BT-007'", byLine["8"], StringComparison.Ordinal);
        Assert.Contains("BT-999", byLine["8"], StringComparison.Ordinal);

        var accounts = await AccountsAsync(harness);
        Assert.Equal(["usmf|BT-001", "usmf|BT-007", "usmf|DV-ONLY"], accounts.Keys);
        Assert.Equal(untouched, await VersionAsync(harness, "DV-ONLY"));
    }

    [Fact]
    public async Task A_row_Dataverse_holds_with_other_values_is_updated_with_the_files_values()
    {
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync(Master.Dataverse, SyncHarness.Dependencies);
        var usmf = await TermsOfAsync(harness, "usmf");
        await CreateAccountAsync(harness, "usmf", "BT-001", "Old name");
        using var folder = TempFolder();
        var file = Write(folder, Header, $"BT-001,usmf,New name,Organization,{usmf},10,No,,,");

        var result = await BootstrapAsync(harness, file);

        Assert.Equal((1, 0, 1, 0, 0, 0), Tally(result));
        Assert.StartsWith("New name|10", (await AccountsAsync(harness))["usmf|BT-001"], StringComparison.Ordinal);
    }

    private static (long Read, long Created, long Updated, long Unchanged, long Skipped, long Failed) Tally(FileBootstrapResult result) =>
        (result.Counts.Read, result.Counts.Created, result.Counts.Updated, result.Counts.Unchanged, result.Counts.Skipped, result.Counts.Failed);

    private static async Task<FileBootstrapResult> BootstrapAsync(SyncHarness harness, string file)
    {
        var writer = new ChangeWriter(harness.FinOps, harness.Dataverse, new LookupResolver(harness.Dataverse), new ChangeWriterOptions(BatchSize: 2, Parallelism: 2));
        var bootstrap = new FileBootstrap(harness.Dataverse, writer, harness.Mapper(Map), SyncHarness.Companies);
        return await bootstrap.RunAsync(new FileBootstrapOptions(file) { RowsPerBatch = 2 }, null, CancellationToken.None);
    }

    /// <summary>A company's customer group, currency and terms of payment, as one of its demo customers has them: "group,currency,terms".</summary>
    private static async Task<string> TermsOfAsync(SyncHarness harness, string company)
    {
        await foreach (var customer in harness.FinOps.ReadRowsAsync("CustomersV3", new FinOpsQuery { Company = company, Filter = "PartyType eq Microsoft.Dynamics.DataEntities.DirPartyBaseType'Organization'" }, CancellationToken.None))
        {
            if (customer["PaymentTerms"] is string terms && customer["SalesCurrencyCode"] is string currency)
            {
                return $"{customer["CustomerGroupId"]},{currency},{terms}";
            }
        }

        throw new InvalidOperationException($"{company} has no organisation customer with terms of payment");
    }

    private static async Task<long> CreateAccountAsync(SyncHarness harness, string company, string number, string name)
    {
        var id = await harness.Dataverse.CompanyIdAsync(company, CancellationToken.None);
        var write = new DataverseWrite("account", DataverseOperation.Create, Values: new Row { ["name"] = name, ["accountnumber"] = number, ["msdyn_company"] = id, ["customertypecode"] = 3 });
        Assert.True((await harness.Dataverse.WriteAsync([write], atomic: true, CancellationToken.None))[0].Success);
        return await VersionAsync(harness, number);
    }

    private static async Task<long> VersionAsync(SyncHarness harness, string number)
    {
        await foreach (var account in harness.Dataverse.ReadRowsAsync("account", new DataverseQuery { Filter = $"accountnumber eq '{number}'" }, CancellationToken.None))
        {
            return Convert.ToInt64(account["versionnumber"], System.Globalization.CultureInfo.InvariantCulture);
        }

        throw new InvalidOperationException($"no account {number}");
    }

    /// <summary>Every account as company|number → name|credit limit|one-time|invoice account's company|number.</summary>
    private static async Task<SortedDictionary<string, string>> AccountsAsync(SyncHarness harness)
    {
        var byId = new Dictionary<Guid, string>();
        var rows = new List<Row>();
        await foreach (var account in harness.Dataverse.ReadRowsAsync("account", new DataverseQuery { Expand = ["msdyn_company.cdm_companycode"] }, CancellationToken.None))
        {
            byId[(Guid)account["accountid"]!] = $"{account["msdyn_company.cdm_companycode"]}|{account["accountnumber"]}";
            rows.Add(account);
        }

        var accounts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var account in rows)
        {
            var billing = account["msdyn_billingaccount"] is Guid id ? byId[id] : string.Empty;
            var oneTime = account["msdyn_onetimecustomer"] is bool yes ? (yes ? "Yes" : "No") : string.Empty;
            accounts[byId[(Guid)account["accountid"]!]] = $"{account["name"]}|{account["creditlimit"]:0.00}|{oneTime}|{billing}";
        }

        return accounts;
    }

    private static string Write(TempDirectory folder, params string[] lines)
    {
        var file = Path.Combine(folder.Path, "customers.csv");
        File.WriteAllText(file, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return file;
    }

    private static TempDirectory TempFolder() => new();
}
