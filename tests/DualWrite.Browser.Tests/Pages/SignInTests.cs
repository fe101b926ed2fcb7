using OpenQA.Selenium;

namespace DualWrite.Browser.Tests.Pages;

[Collection(AdminPageSuite.Name)]
public sealed class SignInTests(AdminUiFixture fixture)
{
    [Fact]
    public void Without_a_token_the_page_asks_for_one_and_says_where_to_find_it()
    {
        var browser = fixture.Browser;
        browser.Driver.Navigate().GoToUrl(fixture.Runtime.Address);
        ((IJavaScriptExecutor)browser.Driver).ExecuteScript("sessionStorage.clear()");
        browser.Driver.Navigate().Refresh();

        browser.WaitFor("input#token", "the sign-in form");
        var help = browser.Driver.FindElement(By.Id("token-help")).Text;
        Assert.Contains("credentials.json", help, StringComparison.Ordinal);
        Assert.Contains("dualwrite up", help, StringComparison.Ordinal);
        browser.Screenshot("sign-in");
    }
}
