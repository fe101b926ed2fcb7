using DualWrite.Browser.Tests.Browser;
using OpenQA.Selenium;

namespace DualWrite.Browser.Tests.Pages;

/// <summary>The linked companies on the Environment page: added and removed there, the list following at once.</summary>
[Collection(AdminPageSuite.Name)]
public sealed class CompanyTests(AdminUiFixture fixture)
{
    [Fact]
    public async Task An_administrator_links_the_dat_company_and_unlinks_it_again()
    {
        using var api = new AdminApiClient(fixture.Runtime);
        var page = AdminPage.SignedIn(fixture, "administrator");
        var browser = fixture.Browser;
        page.Open("environment");
        browser.WaitFor(".company[data-company='usmf']", "the linked companies");
        Assert.Empty(browser.Driver.FindElements(By.CssSelector(".company[data-company='dat']")));

        browser.WaitFor("form.add-company input[name='code']", "the company code").SendKeys("dat");
        // Maps the other tests run would otherwise start an initial sync of dat's rows.
        browser.Driver.FindElement(By.CssSelector("form.add-company input[name='skip']")).Click();
        page.Button("add-company").Click();

        Assert.Equal("DAT", browser.WaitFor(".company[data-company='dat']", "dat in the linked companies").Text.TrimEnd('×').Trim());
        browser.Wait(
            d => d.FindElements(By.CssSelector(".env-card[data-env='FinOps'] .chip-code")).Any(c => c.Text.Contains("DAT", StringComparison.Ordinal)),
            "dat among the companies F&O is checked for");
        Assert.Equal(["usmf", "gbsi", "dat"], Companies(await api.GetAsync("connection")));
        browser.Screenshot("environment-companies");

        browser.Driver.FindElement(By.CssSelector(".company[data-company='dat'] button.remove-company")).Click();
        Assert.Contains("DAT", browser.WaitFor("dialog .dialog-header h2", "the question before removing").Text, StringComparison.Ordinal);
        browser.WaitFor("dialog button.danger", "the Remove company button").Click();

        browser.Wait(d => d.FindElements(By.CssSelector(".company[data-company='dat']")).Count == 0, "dat to leave the linked companies");
        Assert.Equal(2, browser.Driver.FindElements(By.CssSelector(".company-list .company")).Count);
        Assert.Equal(["usmf", "gbsi"], Companies(await api.GetAsync("connection")));
    }

    private static string[] Companies(System.Text.Json.JsonElement connection) =>
        connection.GetProperty("companies").EnumerateArray().Select(c => c.GetString()!).ToArray();
}
