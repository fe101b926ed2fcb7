using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace DualWrite.Browser.Tests.Browser;

/// <summary>
/// Debian's headless Chromium driven through its own chromedriver. Both must be installed (<c>.ci/run</c> installs
/// them); a machine without them fails the tests rather than skipping them, and nothing is ever downloaded.
/// </summary>
internal sealed class Chromium : IDisposable
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private readonly string profile;

    private Chromium(ChromeDriver driver, string profile)
    {
        Driver = driver;
        this.profile = profile;
    }

    public ChromeDriver Driver { get; }

    public static Chromium Start()
    {
        foreach (var path in new[] { BrowserPath, DriverPath })
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"{path} is missing: the browser tests need Debian's chromium and chromium-driver packages (apt-get install chromium chromium-driver; .ci/run installs them).");
            }
        }

        // Selenium Manager would look for a browser or driver to download when it is asked to find one; it is never asked.
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var profile = Directory.CreateTempSubdirectory("dualwrite-chromium-").FullName;
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}",
            "--window-size=1400,1000");
        try
        {
            return new Chromium(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), profile);
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    /// <summary>Waits for what the page shows; the limit guards only against a hang.</summary>
    public T Wait<T>(Func<IWebDriver, T> until, string what, int seconds = 60)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)) { Message = $"waiting for {what}" };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(until);
    }

    public IWebElement WaitFor(string css, string what, int seconds = 60) =>
        Wait(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed), what, seconds)!;

    public IWebElement FindTab(string tab) => WaitFor($".tabs a[data-tab='{tab}']", $"the {tab} tab");

    /// <summary>
    /// Runs <paramref name="during"/> with the pages it opens answered 404 by their own calls to an address ending in
    /// <paramref name="pathEnd"/>, as by a runtime that has no such endpoint; pages opened after it are left alone.
    /// </summary>
    public async Task WithEndpointMissingAsync(string pathEnd, Func<Task> during)
    {
        var source = "const fetchOfPage = window.fetch; window.fetch = (url, init) => String(url).endsWith(" + JsonSerializer.Serialize(pathEnd) +
            ") ? Promise.resolve(new Response('', { status: 404 })) : fetchOfPage(url, init);";
        var added = Driver.ExecuteCdpCommand("Page.addScriptToEvaluateOnNewDocument", new Dictionary<string, object?> { ["source"] = source });
        var identifier = added is Dictionary<string, object?> answer ? answer["identifier"] : throw new InvalidOperationException($"Chromium added the script with the answer {added}");
        try
        {
            await during();
        }
        finally
        {
            Driver.ExecuteCdpCommand("Page.removeScriptToEvaluateOnNewDocument", new Dictionary<string, object?> { ["identifier"] = identifier });
        }
    }

    public void Screenshot(string name)
    {
        var path = Path.Combine(ScreenshotFolder.Path, $"{name}.png");
        Driver.GetScreenshot().SaveAsFile(path);
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium's helpers may still hold a file of the profile for a moment; the temporary folder is cleared in time.
        }
    }
}
