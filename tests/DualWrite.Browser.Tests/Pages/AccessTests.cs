using DualWrite.Browser.Tests.Browser;
using OpenQA.Selenium;

namespace DualWrite.Browser.Tests.Pages;

/// <summary>Who may do what, and what a person reads when the runtime refuses.</summary>
[Collection(AdminPageSuite.Name)]
public sealed class AccessTests(AdminUiFixture fixture)
{
    [Fact]
    public void A_token_the_runtime_does_not_know_brings_back_the_sign_in_form_with_where_to_find_one()
    {
        var page = new AdminPage(fixture.Browser, fixture.Runtime.Address);

        page.SignInWithLink("not-a-token");

        var reason = fixture.Browser.WaitFor(".signin .alert-error", "the reason the token was refused").Text;
        Assert.Contains("credentials.json", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("{", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-token", fixture.Browser.Driver.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reader_sees_the_maps_with_every_action_disabled_and_a_tooltip_saying_why()
    {
        var page = new AdminPage(fixture.Browser, fixture.Runtime.Address);
        page.SignInWithLink(AdminTokens.Of(fixture.Runtime, "reader"));

        fixture.Browser.WaitFor(".who[data-role='reader']", "the page to know it is a reader's");
        page.MapRow("Vendors V2").FindElement(By.CssSelector("input.select-map")).Click();
        var run = fixture.Browser.WaitFor(".toolbar button[data-action='run']", "the Run button");
        Assert.False(run.Enabled);
        Assert.Contains("reader", run.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_could_not_learn_the_role_turns_into_a_readers_at_the_first_refusal()
    {
        var browser = fixture.Browser;
        using var api = new AdminApiClient(fixture.Runtime);

        // Kept from learning the role, as by a runtime without GET /api/v1/me, the page offers the actions.
        await browser.WithEndpointMissingAsync("/api/v1/me", async () =>
        {
            var page = new AdminPage(browser, fixture.Runtime.Address);
            page.SignInWithLink(AdminTokens.Of(fixture.Runtime, "reader"));
            browser.WaitFor(".who[data-role='administrator']", "the page taking the token for an administrator's");
            page.Open("maps/" + Uri.EscapeDataString("Vendors V2"));

            page.Button("debug").Click();

            browser.WaitFor(".who[data-role='reader']", "the page turning into a reader's");
            var debug = browser.Wait(d => d.FindElements(By.CssSelector("button[data-action='debug']")).FirstOrDefault(b => !b.Enabled), "the debug button greyed out")!;
            Assert.Contains("reader", debug.GetAttribute("title"), StringComparison.Ordinal);
            Assert.False((await api.GetAsync(AdminApiClient.Map("Vendors V2"))).GetProperty("debug").GetBoolean());
        });
    }

    [Fact]
    public void A_refusal_from_the_runtime_reads_as_the_sentence_it_sent_not_as_its_json()
    {
        var page = AdminPage.SignedIn(fixture, "administrator");

        page.Open("maps/" + Uri.EscapeDataString("Customers V4"));

        var message = fixture.Browser.WaitFor(".map-header .alert-error", "the refusal").Text;
        Assert.Contains("Customers V4", message, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_log_search_that_finds_nothing_says_so_and_how_to_see_more()
    {
        var page = AdminPage.SignedIn(fixture, "administrator");
        page.Open("errors");

        var key = fixture.Browser.WaitFor("input[name='key']", "the key filter");
        key.SendKeys("no-such-key");
        key.SendKeys(Keys.Enter);

        var empty = fixture.Browser.WaitFor(".errors-body .empty", "the empty error log").Text;
        Assert.Contains("No errors in the last 24 hours", empty, StringComparison.Ordinal);
        Assert.Contains("filters", empty, StringComparison.Ordinal);
    }
}
