using DualWrite.Cli.Tests.Support;

namespace DualWrite.Cli.Tests;

public sealed class UnreachableRuntimeTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "dualwrite-cli-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_runtime_that_does_not_answer_exits_2_and_says_how_to_start_one()
    {
        var address = $"http://127.0.0.1:{Ports.Free()}/";
        var result = await DualWriteCli.RunAsync("status", "--runtime", address, "--token", "t");
        Assert.True(result.Exit == 2, result.Output);
        Assert.Contains($"The runtime at {address} does not answer; start it with `dualwrite up` or `dualwrite serve`.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_folder_without_runtime_credentials_exits_2_and_names_the_file_it_looked_for()
    {
        var result = await DualWriteCli.RunAsync("pause", "Customer groups", "--data", data);
        Assert.Equal(2, result.Exit);
        Assert.Contains(Path.Combine(data, "runtime", "credentials.json"), result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_address_and_the_administrator_token_come_from_the_data_folder()
    {
        var address = $"http://127.0.0.1:{Ports.Free()}/";
        Directory.CreateDirectory(Path.Combine(data, "runtime"));
        await File.WriteAllTextAsync(
            Path.Combine(data, "runtime", "credentials.json"),
            $$"""{ "runtime": "{{address}}", "users": [ { "name": "reader", "role": "reader", "token": "r" }, { "name": "admin", "role": "administrator", "token": "a" } ] }""");
        var result = await DualWriteCli.RunAsync("health", "--data", data);
        Assert.Equal(2, result.Exit);
        Assert.Contains($"The runtime at {address} does not answer", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "Customer groups", "--master", "both")]
    [InlineData("resume", "Customer groups", "--mode", "later")]
    [InlineData("errors", "--since", "yesterday")]
    [InlineData("queue", "--key", "usmf|10")]
    [InlineData("pause")]
    public async Task A_command_line_that_does_not_parse_exits_2(params string[] args)
    {
        var result = await DualWriteCli.RunAsync([.. args, "--data", data]);
        Assert.Equal(2, result.Exit);
    }

    [Fact]
    public async Task Reset_link_without_yes_on_a_console_that_cannot_ask_exits_2_before_calling_the_runtime()
    {
        var result = await DualWriteCli.RunAsync("reset-link", "--runtime", $"http://127.0.0.1:{Ports.Free()}/", "--token", "t");
        Assert.Equal(2, result.Exit);
        Assert.Contains("add --yes", result.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
