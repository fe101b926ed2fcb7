using System.Net;

namespace DualWrite.Browser.Tests.Pages;

/// <summary>The runtime serves the admin page from its own assembly, on the port of its hooks and API.</summary>
[Collection(AdminPageSuite.Name)]
public sealed class ServingTests(AdminUiFixture fixture)
{
    [Fact]
    public async Task The_page_and_its_modules_come_from_the_runtime_with_a_policy_that_runs_only_its_own_scripts()
    {
        using var http = new HttpClient { BaseAddress = fixture.Runtime.Address };

        using var page = await http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/ui/js/app.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);

        using var script = await http.GetAsync(new Uri("/ui/js/app.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/ui/js/app.js", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(script.Headers.ETag!);
        using var unchanged = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);

        using var missing = await http.GetAsync(new Uri("/ui/js/nothing.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("nothing.js", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
