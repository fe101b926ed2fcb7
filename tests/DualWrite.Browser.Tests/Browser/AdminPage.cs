using OpenQA.Selenium;

namespace DualWrite.Browser.Tests.Browser;

/// <summary>What a person does on the admin page, in the page's own terms: sign in, open a page, tick a map, click.</summary>
internal sealed class AdminPage(Chromium browser, Uri runtime)
{
    public Chromium Browser => browser;

    private OpenQA.Selenium.Chrome.ChromeDriver Driver => browser.Driver;

    /// <summary>A page signed in with the runtime's token for the role, showing the map list.</summary>
    public static AdminPage SignedIn(AdminUiFixture fixture, string role) => SignedIn(fixture.Browser, fixture.Runtime, role);

    /// <summary>A page of the given runtime signed in with its token for the role, showing the map list.</summary>
    public static AdminPage SignedIn(Chromium browser, RuntimeUnderTest runtime, string role)
    {
        var page = new AdminPage(browser, runtime.Address);
        page.SignInWithLink(AdminTokens.Of(runtime, role));
        browser.WaitFor("tr[data-map]", "the map list");
        return page;
    }

    /// <summary>Follows the sign-in link <c>dualwrite up</c> prints, in a tab that held no token before.</summary>
    public void SignInWithLink(string token)
    {
        Driver.Navigate().GoToUrl(runtime);
        ((IJavaScriptExecutor)Driver).ExecuteScript("sessionStorage.clear()");
        Driver.Navigate().GoToUrl(new Uri(runtime, $"/#token={Uri.EscapeDataString(token)}"));
    }

    public void Open(string hash)
    {
        Driver.Navigate().GoToUrl(new Uri(runtime, "/#/" + hash));
        browser.WaitFor($".nav-link.active", "the page to open");
    }

    public IWebElement MapRow(string map) =>
        browser.Wait(d => d.FindElements(By.CssSelector("tr[data-map]")).FirstOrDefault(r => r.GetAttribute("data-map") == map), $"the row of {map}")!;

    public void WaitForRowState(string map, string state, int seconds = 120) =>
        browser.Wait(_ => MapRow(map).GetAttribute("data-state") == state, $"{map} showing {state} in the list", seconds);

    public void WaitForHeaderState(string state, int seconds = 120) =>
        browser.Wait(d => d.FindElement(By.CssSelector(".map-title [data-state]")).GetAttribute("data-state") == state, $"the map's page showing {state}", seconds);

    public IWebElement Button(string action) =>
        browser.Wait(d => d.FindElements(By.CssSelector($"button[data-action='{action}']")).FirstOrDefault(b => b.Displayed && b.Enabled), $"the {action} button to be enabled")!;

    public string Text(string css) => browser.WaitFor(css, css).Text;
}
