using System.Globalization;
using System.Text;
using System.Text.Json;
using DualWrite.Browser.Tests.Browser;
using OpenQA.Selenium;

namespace DualWrite.Browser.Tests.Pages;

/// <summary>
/// An existing Dataverse and an existing F&amp;O brought together from the page, on a runtime of its own, since
/// bootstrapping and fixing write rows the other tests count: Dataverse rows given a company, an export loaded through
/// the accounts map, the map compared for one company, and the differences fixed with F&amp;O as master.
/// </summary>
[Collection(AdminPageSuite.Name)]
public sealed class BootstrapAndCompareTests(AdminUiFixture fixture, SpareRuntime spare) : IClassFixture<SpareRuntime>
{
    private const string Accounts = "Customers V3 (accounts)";
    private const string Renamed = "Renamed in the export";

    [Fact]
    public async Task An_administrator_bootstraps_companies_and_a_file_compares_the_map_and_fixes_it_with_a_master()
    {
        using var api = new AdminApiClient(spare.Runtime);
        using var finOps = new EnvironmentUser(spare.Runtime.Local.FinOps, "app");
        using var dataverse = new EnvironmentUser(spare.Runtime.Local.Dataverse, "admin");
        // The lookups of the accounts map (groups, currencies, terms) must be in Dataverse before its rows are.
        await api.RunWithRelatedAsync("Customer groups");
        await api.RunWithRelatedAsync("Currencies");
        var withoutCompany = await CountAsync(dataverse, "_msdyn_company_value eq null");
        var withCompany = await CountAsync(dataverse, "_msdyn_company_value ne null");
        Assert.True(withoutCompany > 0, "the demo CRM has accounts without a company");

        var page = AdminPage.SignedIn(fixture.Browser, spare.Runtime, "administrator");
        var browser = fixture.Browser;
        page.Open("bootstrap");

        // Every account without a company gets usmf; the accounts that had one keep theirs.
        Choose(browser.WaitFor("form.company-bootstrap select[name='company']", "the company"), "usmf");
        page.Button("bootstrap-company").Click();
        var stamped = FinishedJob(browser, "Company");
        Assert.Equal("Completed", stamped.GetAttribute("data-status"));
        Assert.Equal(withoutCompany, Count(stamped, "updated"));
        Assert.Equal(0, await CountAsync(dataverse, "_msdyn_company_value eq null"));
        Assert.Equal(withCompany + withoutCompany, await CountAsync(dataverse, "_msdyn_company_value ne null"));

        // An export with a row F&O has under another name, a row F&O lacks, a row of a company that is not linked and a row that cannot be read.
        var customer = await OrganisationOfAsync(finOps, "gbsi");
        var account = customer.GetProperty("CustomerAccount").GetString()!;
        var export = WriteExport(spare.Runtime.DataFolder, customer, account);
        Choose(browser.WaitFor("form.file-bootstrap select[name='map']", "the map"), Accounts);
        browser.WaitFor("form.file-bootstrap input[type='file']", "the file").SendKeys(export);
        page.Button("bootstrap-file").Click();
        var loaded = FinishedJob(browser, "File");
        Assert.Equal("Completed", loaded.GetAttribute("data-status"));
        Assert.Equal([4, 2, 0, 0, 1, 1], new[] { "read", "created", "updated", "unchanged", "skipped", "failed" }.Select(c => Count(loaded, c)));
        Assert.Contains("DAT 1", loaded.FindElement(By.CssSelector(".unlinked")).Text, StringComparison.Ordinal);
        Assert.NotEmpty(loaded.FindElements(By.CssSelector("button[data-action='download-errors']")));
        browser.Screenshot("bootstrap-jobs");

        // The job leads to the map's comparison; gbsi alone has the file's rows.
        loaded.FindElement(By.CssSelector("a[data-action='compare-map']")).Click();
        Choose(browser.WaitFor(".compare select[name='company']", "the company to compare"), "gbsi");
        page.Button("compare").Click();
        var summary = browser.WaitFor(".compare-summary", "the comparison", 120);
        Assert.Equal("false", summary.GetAttribute("data-agrees"));
        var gbsi = browser.WaitFor(".compare tr[data-company='gbsi']", "the counts of gbsi");
        Assert.Equal(1, Count(gbsi, "onlyInDataverse"));
        Assert.Equal(1, Count(gbsi, "differing"));
        Assert.True(Count(gbsi, "onlyInFinOps") > 0, "F&O's other gbsi customers are not in Dataverse yet");
        var name = browser.Driver.FindElements(By.CssSelector($"tr.difference[data-kind='Differing']"))
            .Single(r => r.GetAttribute("data-key")!.Contains(account, StringComparison.Ordinal) && r.GetAttribute("data-field")!.StartsWith("ORGANIZATIONNAME", StringComparison.Ordinal));
        Assert.Contains(customer.GetProperty("OrganizationName").GetString()!, name.FindElement(By.CssSelector("[data-side='finops']")).Text, StringComparison.Ordinal);
        Assert.Contains(Renamed, name.FindElement(By.CssSelector("[data-side='dataverse']")).Text, StringComparison.Ordinal);
        Assert.Contains(browser.Driver.FindElements(By.CssSelector("tr.difference[data-kind='OnlyInDataverse']")), r => r.GetAttribute("data-key")!.Contains("BT-NEW", StringComparison.Ordinal));
        ((IJavaScriptExecutor)browser.Driver).ExecuteScript("arguments[0].scrollIntoView({ block: 'center' })", name);
        browser.Screenshot("compare-differences");

        // F&O as master: its name wins, the row it lacked is made there, and the sides agree.
        page.Button("fix-finops").Click();
        Assert.Contains("Only GBSI is fixed", browser.WaitFor("dialog .dialog-body", "the question before fixing").Text, StringComparison.Ordinal);
        browser.WaitFor("dialog button.primary", "the Fix button").Click();
        Assert.Equal("FinOps", browser.WaitFor(".compare-fix", "what the fix wrote", 120).GetAttribute("data-master"));
        Assert.Equal("true", browser.WaitFor(".compare-summary", "the comparison after the fix").GetAttribute("data-agrees"));
        browser.Screenshot("compare-fixed");
        var named = await dataverse.GetAsync($"accounts?$filter=accountnumber eq '{account}'&$select=name&$expand=msdyn_company($select=cdm_companycode)");
        var inGbsi = named.GetProperty("value").EnumerateArray().Single(a => a.GetProperty("msdyn_company").GetProperty("cdm_companycode").GetString() == "gbsi");
        Assert.Equal(customer.GetProperty("OrganizationName").GetString(), inGbsi.GetProperty("name").GetString());
        var made = await finOps.GetAsync("CustomersV3?cross-company=true&$filter=dataAreaId eq 'gbsi' and CustomerAccount eq 'BT-NEW'&$select=OrganizationName");
        Assert.Equal("Made for the export", Assert.Single(made.GetProperty("value").EnumerateArray()).GetProperty("OrganizationName").GetString());
    }

    [Fact]
    public void A_reader_compares_but_neither_fixes_nor_bootstraps()
    {
        var page = AdminPage.SignedIn(fixture.Browser, spare.Runtime, "reader");
        var browser = fixture.Browser;
        page.Open("bootstrap");
        browser.WaitFor(".jobs table, .jobs .empty", "the jobs");
        Assert.False(Action(browser, "bootstrap-company").Enabled);
        Assert.False(Action(browser, "bootstrap-file").Enabled);

        // Nobody runs the vendor groups map on this runtime, so F&O has groups Dataverse lacks.
        page.Open("maps/" + Uri.EscapeDataString("Vendor groups") + "/compare");
        page.Button("compare").Click();
        Assert.Equal("false", browser.WaitFor(".compare-summary", "the comparison", 120).GetAttribute("data-agrees"));
        Assert.True(Count(browser.WaitFor(".compare tr[data-company='all']", "the totals"), "onlyInFinOps") > 0);
        Assert.False(Action(browser, "fix-finops").Enabled);
        Assert.False(Action(browser, "fix-dataverse").Enabled);
    }

    private static IWebElement Action(Chromium browser, string action) => browser.WaitFor($"button[data-action='{action}']", $"the {action} button");

    private static IWebElement FinishedJob(Chromium browser, string kind) =>
        browser.Wait(d => d.FindElements(By.CssSelector($"tr.job[data-kind='{kind}']")).FirstOrDefault(r => r.GetAttribute("data-status") != "Running"), $"the {kind} bootstrap to end", 120)!;

    private static long Count(IWebElement row, string count) =>
        long.Parse(row.FindElement(By.CssSelector($"[data-count='{count}']")).Text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static void Choose(IWebElement select, string value) => select.FindElement(By.CssSelector($"option[value='{value}']")).Click();

    private static async Task<long> CountAsync(EnvironmentUser dataverse, string filter) =>
        (await dataverse.GetAsync($"accounts?$filter={filter}&$select=accountid")).GetProperty("value").GetArrayLength();

    private static async Task<JsonElement> OrganisationOfAsync(EnvironmentUser finOps, string company)
    {
        var customers = await finOps.GetAsync($"CustomersV3?cross-company=true&$filter=dataAreaId eq '{company}'&$select=CustomerAccount,OrganizationName,PartyType,CustomerGroupId,SalesCurrencyCode,PaymentTerms,CreditLimit&$top=50");
        return customers.GetProperty("value").EnumerateArray().First(c => c.GetProperty("PartyType").GetString() == "Organization");
    }

    private static string WriteExport(string folder, JsonElement customer, string account)
    {
        string Field(string name) => customer.GetProperty(name).ValueKind == JsonValueKind.Null ? string.Empty : customer.GetProperty(name).ToString();
        var lookups = $"{Field("CustomerGroupId")},{Field("SalesCurrencyCode")},{Field("PaymentTerms")}";
        var csv = new StringBuilder("\uFEFFCUSTOMERACCOUNT,DATAAREAID,ORGANIZATIONNAME,PARTYTYPE,CUSTOMERGROUPID,SALESCURRENCYCODE,PAYMENTTERMS,CREDITLIMIT\r\n")
            .Append(CultureInfo.InvariantCulture, $"{account},gbsi,{Renamed},Organization,{lookups},{Field("CreditLimit")}\r\n")
            .Append(CultureInfo.InvariantCulture, $"BT-NEW,gbsi,Made for the export,Organization,{lookups},100\r\n")
            .Append(CultureInfo.InvariantCulture, $"BT-DAT,dat,Not linked,Organization,{lookups},100\r\n")
            .Append(CultureInfo.InvariantCulture, $"BT-BAD,gbsi,Bad limit,Organization,{lookups},lots\r\n");
        var path = Path.Combine(folder, "customers-export.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }
}
