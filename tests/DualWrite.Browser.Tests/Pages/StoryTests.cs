using System.Globalization;
using System.Net;
using System.Text.Json;
using DualWrite.Browser.Tests.Browser;
using OpenQA.Selenium;

namespace DualWrite.Browser.Tests.Pages;

/// <summary>
/// An administrator's afternoon on the admin page of <c>dualwrite up</c>: run the customers map with what it needs,
/// watch users' changes cross, pause and resume, find a failed change in the error log, check the link's health.
/// </summary>
[Collection(AdminPageSuite.Name)]
public sealed class StoryTests(AdminUiFixture fixture)
{
    private const string Customers = "Customers V3 (accounts)";

    [Fact]
    public async Task An_administrator_runs_customers_pauses_resumes_and_finds_a_failed_change_without_reloading_the_page()
    {
        var page = new AdminPage(fixture.Browser, fixture.Runtime.Address);
        var browser = fixture.Browser;
        using var finOps = new EnvironmentUser(fixture.Runtime.Local.FinOps, "app");
        using var dataverse = new EnvironmentUser(fixture.Runtime.Local.Dataverse, "admin");

        page.SignInWithLink(AdminTokens.Of(fixture.Runtime, "administrator"));
        browser.Wait(d => !d.Url.Contains("token=", StringComparison.Ordinal), "the token to leave the address bar");
        page.WaitForRowState(Customers, "NotRunning");
        browser.Screenshot("map-list");

        // Run with the related maps the runtime proposes, each with its initial sync.
        page.MapRow(Customers).FindElement(By.CssSelector("input.select-map")).Click();
        page.Button("run").Click();
        var related = browser.Wait(d => d.FindElements(By.CssSelector("dialog .run-item")) is { Count: > 1 } items ? items : null, "the related maps in the Run dialog")!;
        Assert.Equal(Customers, related[^1].GetAttribute("data-map"));
        Assert.All(related, item => Assert.True(item.FindElement(By.CssSelector("input.initial-sync")).Selected));
        browser.Screenshot("run-dialog");
        page.Button("confirm-run").Click();
        browser.Wait(d => d.FindElements(By.CssSelector("dialog")).Count == 0, "the Run dialog to close");
        page.WaitForRowState(Customers, "Running");

        // A user's change on F&O reaches Dataverse while the map runs.
        var account = await OrganizationCustomerAsync(finOps);
        await ChangeNameAsync(finOps, account, "Contoso Running");
        Assert.Equal("Contoso Running", await DataverseNameAsync(dataverse, account));

        // Paused, the change waits in the queue, and the map's page counts it without a reload.
        page.MapRow(Customers).FindElement(By.CssSelector("a.map-link")).Click();
        page.WaitForHeaderState("Running");

        // Its initial sync read the customers that are persons and left them out: the map takes organizations only.
        browser.FindTab("initial-sync").Click();
        var skipped = browser.Wait(d => d.FindElements(By.CssSelector("tr.totals td[data-count='skipped']")) is { Count: 2 } cells ? cells : null, "the skipped totals")!;
        Assert.True(Number(skipped[0].Text) > 0, $"F&O rows skipped: {skipped[0].Text}");
        var byCompany = browser.Driver.FindElements(By.CssSelector(".tab-panel tr:not(.totals) td[data-count='skipped']")).Select(c => Number(c.Text)).ToArray();
        Assert.Equal(4, byCompany.Length);
        Assert.Equal(Number(skipped[0].Text) + Number(skipped[1].Text), byCompany.Sum());
        ((IJavaScriptExecutor)browser.Driver).ExecuteScript("arguments[0].scrollIntoView()", skipped[0]);
        browser.Screenshot("initial-sync-skipped");
        page.Button("pause").Click();
        page.WaitForHeaderState("Paused");
        await ChangeNameAsync(finOps, account, "Contoso Paused");
        browser.Wait(d => d.FindElement(By.CssSelector(".stats .queue-count")).GetAttribute("data-queue") == "1", "the queued change to be counted");
        Assert.Equal("Contoso Running", await DataverseNameAsync(dataverse, account));
        browser.FindTab("queue").Click();
        Assert.Contains(account, browser.WaitFor(".queue-list tr[data-sequence]", "the queued change").Text, StringComparison.Ordinal);
        browser.Screenshot("map-page");

        // Resumed, the queue is replayed and emptied.
        page.Button("resume").Click();
        page.Button("confirm-resume").Click();
        page.WaitForHeaderState("Running");
        browser.Wait(d => d.FindElement(By.CssSelector(".stats .queue-count")).GetAttribute("data-queue") == "0", "the queue to empty");
        Assert.Equal("Contoso Paused", await DataverseNameAsync(dataverse, account));

        // A change Dataverse cannot take fails for its user and shows in the error log, in words.
        using (var refused = await finOps.PatchAsync(CustomerPath(account), new { CustomerGroupId = "NOPE" }))
        {
            Assert.False(refused.IsSuccessStatusCode, "a customer group Dataverse does not have should fail the F&O change");
        }

        page.Open("errors");
        var error = browser.WaitFor(".errors-table tr.error-row", "the failed change in the error log");
        Assert.Contains(account, error.Text, StringComparison.Ordinal);
        Assert.Contains("NOPE", error.Text, StringComparison.Ordinal);
        browser.Screenshot("error-log");

        page.Open("health");
        browser.WaitFor(".health-summary", "the health check's result");
        browser.Screenshot("health");

        page.Open("environment");
        browser.Wait(d => d.FindElements(By.CssSelector(".env-card")).Count == 2, "both environments");
        Assert.Contains("USMF", page.Text(".company-list"), StringComparison.Ordinal);
        browser.Screenshot("environment");
    }

    private static long Number(string shown) => long.Parse(shown, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static string CustomerPath(string account) => $"CustomersV3(dataAreaId='usmf',CustomerAccount='{account}')";

    private static async Task<string> OrganizationCustomerAsync(EnvironmentUser finOps)
    {
        var customers = await finOps.GetAsync("CustomersV3?cross-company=true&$filter=dataAreaId eq 'usmf'&$select=CustomerAccount,PartyType&$top=50");
        return customers.GetProperty("value").EnumerateArray()
            .First(c => c.GetProperty("PartyType").GetString()!.EndsWith("Organization", StringComparison.Ordinal) || c.GetProperty("PartyType").GetString()!.EndsWith("Organization'", StringComparison.Ordinal))
            .GetProperty("CustomerAccount").GetString()!;
    }

    private static async Task ChangeNameAsync(EnvironmentUser finOps, string account, string name)
    {
        using var response = await finOps.PatchAsync(CustomerPath(account), new { OrganizationName = name });
        Assert.True(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK, $"F&O refused the change: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<string?> DataverseNameAsync(EnvironmentUser dataverse, string account)
    {
        // The same account number exists in several companies; the one changed is usmf's.
        var rows = await dataverse.GetAsync($"accounts?$filter=accountnumber eq '{account}'&$select=name&$expand=msdyn_company($select=cdm_companycode)");
        return rows.GetProperty("value").EnumerateArray()
            .Where(r => r.GetProperty("msdyn_company") is { ValueKind: JsonValueKind.Object } company
                && string.Equals(company.GetProperty("cdm_companycode").GetString(), "usmf", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.GetProperty("name").GetString())
            .Single();
    }
}
