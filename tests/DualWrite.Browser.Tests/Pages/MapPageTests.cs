using DualWrite.Browser.Tests.Browser;
using OpenQA.Selenium;

namespace DualWrite.Browser.Tests.Pages;

[Collection(AdminPageSuite.Name)]
public sealed class MapPageTests(AdminUiFixture fixture)
{
    private const string VendorGroups = "Vendor groups";

    [Fact]
    public void A_map_runs_from_its_own_page_in_the_order_chosen_and_shows_its_initial_sync_fields_and_activity()
    {
        var page = AdminPage.SignedIn(fixture, "administrator");
        var browser = fixture.Browser;
        page.Open("maps/" + Uri.EscapeDataString(VendorGroups));

        // The field mappings in the symbol view, each with its direction.
        var symbols = browser.Wait(d => d.FindElements(By.CssSelector("table.symbols tbody tr[data-symbol]")) is { Count: > 0 } rows ? rows : null, "the field mappings")!;
        Assert.All(symbols, row => Assert.Contains(row.GetAttribute("data-symbol"), new[] { "=", ">", "<", "><", ">>", "<<" }));

        page.WaitForHeaderState("NotRunning");
        page.Button("run").Click();
        var items = browser.Wait(d => d.FindElements(By.CssSelector("dialog .run-item")) is { Count: > 0 } found ? found : null, "the maps the Run dialog proposes")!;
        var order = items.Select(i => i.GetAttribute("data-map")).ToList();
        Assert.Equal(VendorGroups, order[^1]);
        if (order.Count > 1)
        {
            // Moving a row changes the order the maps run in; moving it back restores the proposal.
            browser.Driver.FindElements(By.CssSelector("dialog .run-item .move-down"))[0].Click();
            browser.Wait(d => d.FindElements(By.CssSelector("dialog .run-item"))[1].GetAttribute("data-map") == order[0], "the first map to move down");
            browser.Driver.FindElements(By.CssSelector("dialog .run-item .move-up"))[1].Click();
            browser.Wait(d => d.FindElements(By.CssSelector("dialog .run-item"))[0].GetAttribute("data-map") == order[0], "the map to move back up");
        }

        page.Button("confirm-run").Click();
        page.WaitForHeaderState("Running");

        browser.FindTab("initial-sync").Click();
        var run = browser.WaitFor(".sync-progress[data-status='Completed']", "the completed initial sync");
        Assert.Contains("2 of 2 companies done", run.Text, StringComparison.Ordinal);
        Assert.Contains("USMF", page.Text(".tab-panel table"), StringComparison.Ordinal);
        browser.Screenshot("initial-sync");

        browser.FindTab("activity").Click();
        browser.Wait(d => d.FindElement(By.CssSelector(".timeline")).Text.Contains("by admin", StringComparison.Ordinal), "the administrator's run in the map's activity");

        browser.FindTab("catch-up").Click();
        Assert.Contains("No catch-up errors", browser.WaitFor(".tab-panel .empty", "the empty catch-up errors").Text, StringComparison.Ordinal);
    }
}
