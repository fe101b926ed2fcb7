using System.Net;
using System.Text;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.LiveSync;

namespace DualWrite.Server.Tests.Admin;

public sealed class AdminAuthTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    public static TheoryData<string, string, string> Changes => new()
    {
        { "POST", "api/v1/actions/run", """{"maps":[{"map":"Currencies","initialSync":false}]}""" },
        { "POST", "api/v1/actions/pause", """{"maps":["Currencies"]}""" },
        { "POST", "api/v1/actions/resume", """{"maps":["Currencies"]}""" },
        { "POST", "api/v1/solutions", "{}" },
        { "POST", "api/v1/connection/reset", """{"force":true}""" },
        { "PUT", "api/v1/maps/Currencies/debug", """{"enabled":true}""" },
        { "DELETE", "api/v1/alerts/1", string.Empty },
    };

    [Theory]
    [InlineData("api/v1/maps")]
    [InlineData("api/v1/connection")]
    [InlineData("api/v1/solutions")]
    public async Task A_call_without_a_token_or_with_an_unknown_one_is_refused_401_with_a_problem(string path)
    {
        var none = await AdminAssert.ProblemAsync(await fixture.Anonymous.GetAsync(path), HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains("credentials.json", none.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var forged = new HttpRequestMessage(HttpMethod.Get, path);
        forged.Headers.Authorization = new("Bearer", ServerHarness.TokenOf(fixture.Harness.Server.CredentialsPath, "admin") + "x");
        var unknown = await AdminAssert.ProblemAsync(await fixture.Anonymous.SendAsync(forged), HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains("not one this runtime knows", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_reader_may_not_change_anything_and_nothing_changes(string method, string path, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body.Length == 0 ? null : new StringContent(body, Encoding.UTF8, "application/json") };

        var problem = await AdminAssert.ProblemAsync(await fixture.Reader.SendAsync(request), HttpStatusCode.Forbidden, "forbidden");

        Assert.Contains("'reader' is a reader", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(await fixture.Harness.Runtime.Connection.GetAsync(CancellationToken.None));
        Assert.Empty(await fixture.Harness.Runtime.Store.GetStatesAsync(CancellationToken.None));
        Assert.Empty(await fixture.Harness.Runtime.Store.GetDebugMapsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_reader_reads_what_an_administrator_reads()
    {
        var asReader = await AdminAssert.JsonAsync(await fixture.Reader.GetAsync("api/v1/maps"));
        var asAdmin = await AdminAssert.JsonAsync(await fixture.Admin.GetAsync("api/v1/maps"));

        Assert.Equal(asAdmin.GetRawText(), asReader.GetRawText());
        Assert.Equal(8, asReader.GetArrayLength());
    }

    [Fact]
    public async Task Me_names_the_token_holder_and_role_of_each_kind_of_token_and_needs_a_token()
    {
        var admin = await AdminAssert.JsonAsync(await fixture.Admin.GetAsync("api/v1/me"));
        Assert.Equal("admin", admin.GetProperty("name").GetString());
        Assert.Equal("administrator", admin.GetProperty("role").GetString());

        var reader = await AdminAssert.JsonAsync(await fixture.Reader.GetAsync("api/v1/me"));
        Assert.Equal("reader", reader.GetProperty("name").GetString());
        Assert.Equal("reader", reader.GetProperty("role").GetString());

        await AdminAssert.ProblemAsync(await fixture.Anonymous.GetAsync("api/v1/me"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task The_hooks_take_their_own_secret_and_no_bearer_token()
    {
        var secret = await fixture.Harness.Runtime.Connection.GetHookSecretAsync(HookSource.FinOps, CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Post, "hooks/finops") { Content = new StringContent("""{"changes":[]}""", Encoding.UTF8, "application/json") };
        request.Headers.Add(ConnectionService.HookSecretHeader, secret);

        Assert.Equal(HttpStatusCode.OK, (await fixture.Anonymous.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_is_open_to_all_and_lists_exactly_the_admin_api_routes()
    {
        var document = await AdminAssert.JsonAsync(await fixture.Anonymous.GetAsync("api/v1/openapi.json"));

        string[] expected =
        [
            "/api/v1/actions/pause",
            "/api/v1/actions/resume",
            "/api/v1/actions/run",
            "/api/v1/actions/skip-to-live",
            "/api/v1/actions/stop",
            "/api/v1/alerts",
            "/api/v1/alerts/{id}",
            "/api/v1/bootstrap/company",
            "/api/v1/bootstrap/file",
            "/api/v1/bootstrap/jobs",
            "/api/v1/bootstrap/jobs/{id}",
            "/api/v1/bootstrap/jobs/{id}/errors.csv",
            "/api/v1/connection",
            "/api/v1/connection/companies",
            "/api/v1/connection/companies/{code}",
            "/api/v1/connection/health",
            "/api/v1/connection/reset",
            "/api/v1/environments",
            "/api/v1/errors",
            "/api/v1/maps",
            "/api/v1/maps/validate",
            "/api/v1/maps/{name}",
            "/api/v1/maps/{name}/activity",
            "/api/v1/maps/{name}/catch-up-errors",
            "/api/v1/maps/{name}/compare",
            "/api/v1/maps/{name}/catch-up-errors/dismiss",
            "/api/v1/maps/{name}/catch-up-errors/retry",
            "/api/v1/maps/{name}/debug",
            "/api/v1/maps/{name}/initial-sync",
            "/api/v1/maps/{name}/initial-sync/errors",
            "/api/v1/maps/{name}/initial-sync/errors.csv",
            "/api/v1/maps/{name}/queue",
            "/api/v1/maps/{name}/related",
            "/api/v1/me",
            "/api/v1/queue",
            "/api/v1/solutions",
            "/api/v1/solutions/active",
            "/api/v1/solutions/{name}",
        ];
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal), paths);
    }
}
