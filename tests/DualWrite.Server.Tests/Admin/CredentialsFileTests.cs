using System.Net;
using System.Text.Json;
using DualWrite.Runtime;
using DualWrite.Server.Hosting;
using Microsoft.Data.Sqlite;

namespace DualWrite.Server.Tests.Admin;

public sealed class CredentialsFileTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "dualwrite-server-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_first_start_writes_tokens_readable_by_the_owner_only_and_the_next_keeps_them_with_the_new_address()
    {
        string firstTokens;
        await using (var first = await StartAsync())
        {
            Assert.Equal(Path.Combine(directory, "credentials.json"), first.CredentialsPath);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.CredentialsPath));
            }

            using var file = JsonDocument.Parse(File.ReadAllText(first.CredentialsPath));
            Assert.Equal(first.BaseAddress.AbsoluteUri, file.RootElement.GetProperty("runtime").GetString());
            var users = file.RootElement.GetProperty("users").EnumerateArray().ToArray();
            Assert.Equal(["admin:administrator", "reader:reader"], users.Select(u => $"{u.GetProperty("name").GetString()}:{u.GetProperty("role").GetString()}"));
            Assert.All(users, u => Assert.Equal(32, Convert.FromBase64String(Base64(u.GetProperty("token").GetString()!)).Length));
            Assert.NotEqual(users[0].GetProperty("token").GetString(), users[1].GetProperty("token").GetString());
            firstTokens = file.RootElement.GetProperty("users").GetRawText();
        }

        await using var second = await StartAsync();
        using var again = JsonDocument.Parse(File.ReadAllText(second.CredentialsPath));
        Assert.Equal(firstTokens, again.RootElement.GetProperty("users").GetRawText());
        Assert.Equal(second.BaseAddress.AbsoluteUri, again.RootElement.GetProperty("runtime").GetString());

        using var client = new HttpClient { BaseAddress = second.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", ServerHarness.TokenOf(second.CredentialsPath, "reader"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/v1/solutions")).StatusCode);
    }

    [Fact]
    public async Task A_file_of_its_own_is_used_where_the_options_say()
    {
        var path = Path.Combine(directory, "elsewhere", "tokens.json");
        await using var server = await StartAsync(path);

        Assert.Equal(path, server.CredentialsPath);
        Assert.True(File.Exists(path));
        Assert.False(File.Exists(Path.Combine(directory, "credentials.json")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Base64(string base64Url) =>
        base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (base64Url.Length % 4)) % 4);

    private Task<RunningServer> StartAsync(string? credentialsPath = null) =>
        RuntimeServer.StartAsync(new ServerOptions
        {
            Url = "http://127.0.0.1:0",
            CredentialsPath = credentialsPath,
            Runtime = new RuntimeOptions { StorePath = Path.Combine(directory, "runtime.db"), PollInterval = TimeSpan.FromHours(1) },
        });
}
