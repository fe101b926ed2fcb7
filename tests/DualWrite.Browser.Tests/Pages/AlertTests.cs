using DualWrite.Browser.Tests.Browser;
using OpenQA.Selenium;

namespace DualWrite.Browser.Tests.Pages;

[Collection(AdminPageSuite.Name)]
public sealed class AlertTests(AdminUiFixture fixture)
{
    [Fact]
    public void An_administrator_adds_an_alert_rule_that_pauses_a_map_and_deletes_it_again()
    {
        var page = AdminPage.SignedIn(fixture, "administrator");
        var browser = fixture.Browser;
        page.Open("alerts");

        browser.WaitFor("form.alert-form select[name='map']", "the map to watch")
            .FindElements(By.TagName("option")).First(o => o.Text == "Currencies").Click();
        var errors = browser.Driver.FindElement(By.CssSelector("form.alert-form input[name='errors']"));
        errors.Clear();
        errors.SendKeys("3");
        page.Button("add-alert").Click();

        var rule = browser.WaitFor(".alerts-list tr[data-id]", "the new rule");
        Assert.Contains("Currencies", rule.Text, StringComparison.Ordinal);
        Assert.Contains("3 errors within 10 min", rule.Text, StringComparison.Ordinal);
        Assert.Contains("pause", rule.Text, StringComparison.Ordinal);
        browser.Screenshot("alerts");

        rule.FindElement(By.CssSelector("button[data-action='delete-alert']")).Click();
        browser.WaitFor("dialog button.danger", "the confirmation").Click();
        Assert.Contains("No alert rules", browser.WaitFor(".alerts-list .empty", "the empty list of rules").Text, StringComparison.Ordinal);
    }
}
