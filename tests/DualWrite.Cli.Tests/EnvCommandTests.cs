using System.Net;
using System.Text.Json;

namespace DualWrite.Cli.Tests;

public sealed class EnvCommandTests
{
    [Fact]
    public async Task Env_finops_serves_on_the_given_port_with_credentials_in_the_data_folder_and_stops_when_cancelled()
    {
        var data = Path.Combine(Path.GetTempPath(), "dualwrite-cli-tests", Guid.NewGuid().ToString("N"));
        var port = Ports.Free();
        using var stop = new CancellationTokenSource();
        var run = DualWriteCommand.Create()
            .Parse(["env", "finops", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data, "--demo"])
            .InvokeAsync(cancellationToken: stop.Token);

        var credentials = Path.Combine(data, "finops", "credentials.json");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        HttpStatusCode? status = null;
        for (var attempt = 0; attempt < 300 && status is null; attempt++)
        {
            try
            {
                status = (await http.GetAsync("data/CustomersV3")).StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(credentials));
        var app = json.RootElement.GetProperty("principals").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "app");
        using var token = await http.PostAsync($"{json.RootElement.GetProperty("tenant").GetString()}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = app.GetProperty("clientId").GetString()!,
            ["client_secret"] = app.GetProperty("clientSecret").GetString()!,
        }));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("data/CustomersV3"));
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task A_throttle_outside_zero_to_one_is_refused_with_a_message()
    {
        var output = new StringWriter();
        var exit = await DualWriteCommand.Create().Parse(["env", "dataverse", "--throttle", "2"])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Error = output, Output = output });
        Assert.NotEqual(0, exit);
        Assert.Contains("--throttle takes a share between 0 and 1", output.ToString(), StringComparison.Ordinal);
    }
}
