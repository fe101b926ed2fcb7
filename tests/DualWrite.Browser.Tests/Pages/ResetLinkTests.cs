using DualWrite.Browser.Tests.Browser;
using OpenQA.Selenium;

namespace DualWrite.Browser.Tests.Pages;

/// <summary>Resetting the link from the Environment page, on a runtime of its own: the other tests need theirs linked.</summary>
[Collection(AdminPageSuite.Name)]
public sealed class ResetLinkTests(AdminUiFixture fixture, SpareRuntime spare) : IClassFixture<SpareRuntime>
{
    private const string LegalEntities = "Legal entities";

    [Fact]
    public async Task Reset_asks_first_is_refused_in_the_apis_words_while_a_map_runs_and_goes_through_when_told_to_stop_it()
    {
        using var api = new AdminApiClient(spare.Runtime);
        await api.PostAsync("actions/run", new { maps = new[] { new { map = LegalEntities, initialSync = false } } });
        var page = AdminPage.SignedIn(fixture.Browser, spare.Runtime, "administrator");
        var browser = fixture.Browser;
        page.Open("environment");

        // Cancel leaves everything as it was.
        page.Button("reset-link").Click();
        browser.WaitFor("dialog", "the question before resetting");
        browser.Driver.FindElements(By.CssSelector("dialog .dialog-footer button")).First(b => b.Text == "Cancel").Click();
        browser.Wait(d => d.FindElements(By.CssSelector("dialog")).Count == 0, "the dialog to close");
        Assert.Equal(200, await api.StatusOfAsync("connection"));
        Assert.Equal("Running", await api.StateOfAsync(LegalEntities));

        // Without stopping the maps, the runtime refuses, and the dialog stays open with its reason.
        page.Button("reset-link").Click();
        page.Button("confirm-reset").Click();
        var refusal = browser.WaitFor("dialog .dialog-errors .alert-error", "the refusal in the dialog").Text;
        Assert.Contains("'Legal entities' is", refusal, StringComparison.Ordinal);
        Assert.Contains("force the reset", refusal, StringComparison.Ordinal);
        browser.Screenshot("reset-refused");
        Assert.Equal(200, await api.StatusOfAsync("connection"));
        Assert.Equal("Running", await api.StateOfAsync(LegalEntities));

        // Told to stop the running maps, it resets.
        browser.Driver.FindElement(By.CssSelector("dialog input[name='force']")).Click();
        page.Button("confirm-reset").Click();
        browser.Wait(d => d.FindElements(By.CssSelector("dialog")).Count == 0, "the dialog to close after the reset");
        Assert.Contains(LegalEntities, browser.WaitFor(".toast-success", "what the reset stopped").Text, StringComparison.Ordinal);
        Assert.Contains("not linked", browser.WaitFor(".environment-page .empty", "the page without a link").Text, StringComparison.Ordinal);
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("button[data-action='reset-link']")));
        Assert.Equal(404, await api.StatusOfAsync("connection"));
        browser.Screenshot("environment-not-linked");
    }
}
