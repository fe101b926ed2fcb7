using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DualWrite.Environments.Hosting;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.Auth;

public sealed class AuthenticationTests
{
    public static TheoryData<EnvironmentKind, string, string> WritePaths => new()
    {
        { EnvironmentKind.FinOps, "LegalEntities", """{"LegalEntityId":"zz01","Name":"Z"}""" },
        { EnvironmentKind.Dataverse, "accounts", """{"name":"Z"}""" },
    };

    [Theory]
    [MemberData(nameof(WritePaths))]
    public async Task No_token_or_a_forged_token_is_401_and_a_reader_cannot_write(EnvironmentKind kind, string entitySet, string body)
    {
        await using var env = await TestEnvironment.StartAsync(kind);
        using var anonymous = env.AnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(entitySet)).StatusCode);

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ForgedToken());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(entitySet)).StatusCode);

        using var reader = await env.ClientAsync("reader");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(entitySet)).StatusCode);
        using var write = await reader.PostAsync(entitySet, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains(entitySet, await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var app = await env.ClientAsync("app");
        using var written = await app.PostAsync(entitySet, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(written.IsSuccessStatusCode, await written.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_token_endpoint_refuses_a_wrong_secret_an_unknown_client_and_another_grant()
    {
        await using var env = await TestEnvironment.StartAsync(EnvironmentKind.FinOps);
        var app = env.Running.Credentials.Get("app");
        using var http = new HttpClient();

        async Task<(HttpStatusCode, string)> AskAsync(Dictionary<string, string> form)
        {
            using var response = await http.PostAsync(env.Running.TokenEndpoint, new FormUrlEncodedContent(form));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return (response.StatusCode, json.RootElement.GetProperty("error").GetString()!);
        }

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), await AskAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = app.ClientId, ["client_secret"] = "wrong" }));
        Assert.Equal((HttpStatusCode.BadRequest, "unauthorized_client"), await AskAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = "nobody", ["client_secret"] = "x" }));
        Assert.Equal((HttpStatusCode.BadRequest, "unsupported_grant_type"), await AskAsync(new() { ["grant_type"] = "password", ["client_id"] = app.ClientId, ["client_secret"] = app.ClientSecret }));
    }

    [Fact]
    public async Task Credentials_are_written_once_to_the_data_folder_and_reused_on_the_next_start()
    {
        var directory = Path.Combine(Path.GetTempPath(), "dualwrite-tests", Guid.NewGuid().ToString("N"));
        string firstSecret;
        await using (var first = await TestEnvironment.StartAsync(EnvironmentKind.Dataverse, directory: directory))
        {
            firstSecret = first.Running.Credentials.Get("app").ClientSecret;
            Assert.True(File.Exists(first.Running.CredentialsPath));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.Running.CredentialsPath));
            }

            var copy = Path.Combine(Path.GetTempPath(), "dualwrite-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(copy);
            File.Copy(first.Running.CredentialsPath, Path.Combine(copy, "credentials.json"));
            await using var second = await TestEnvironment.StartAsync(EnvironmentKind.Dataverse, directory: copy);
            Assert.Equal(firstSecret, second.Running.Credentials.Get("app").ClientSecret);
            using var client = await second.ClientAsync("app");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("accounts")).StatusCode);
        }
    }

    private static string ForgedToken()
    {
        static string Part(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part("""{"alg":"HS256","typ":"JWT"}""")}.{Part("""{"appid":"x","roles":["SystemAdministrator"]}""")}.c2lnbmF0dXJl";
    }
}
