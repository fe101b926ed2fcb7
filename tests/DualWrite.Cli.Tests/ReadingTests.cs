using System.Text.Json;
using DualWrite.Cli.Tests.Support;

namespace DualWrite.Cli.Tests;

/// <summary>Commands that read the runtime, and refusals that change nothing, against one linked runtime.</summary>
public sealed class ReadingTests(LinkedRuntime runtime) : IClassFixture<LinkedRuntime>
{
    [Fact]
    public async Task Status_lists_every_active_map_with_its_tables_and_state()
    {
        var result = await runtime.RunAsync("status");
        Assert.True(result.Exit == 0, result.Output);
        var row = Assert.Single(result.Output.Split('\n'), line => line.Contains("Customer groups", StringComparison.Ordinal));
        Assert.Contains("CustomerGroups", row, StringComparison.Ordinal);
        Assert.Contains("msdyn_customergroup", row, StringComparison.Ordinal);
        Assert.Contains("NotRunning", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_with_json_prints_the_apis_list_of_maps()
    {
        var result = await runtime.RunAsync("status", "--json");
        Assert.True(result.Exit == 0, result.Output);
        using var json = JsonDocument.Parse(result.Output);
        var groups = json.RootElement.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Customer groups");
        Assert.Equal("NotRunning", groups.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Maps_show_prints_the_symbol_view_the_runtime_gives()
    {
        var result = await runtime.RunAsync("maps", "show", "Customers V3 (accounts)");
        Assert.True(result.Exit == 0, result.Output);
        Assert.Contains("CUSTOMERGROUPID = msdyn_customergroupid.msdyn_groupid", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_map_is_a_refusal_with_the_runtimes_detail_and_exit_1()
    {
        var result = await runtime.RunAsync("maps", "show", "Customers");
        Assert.Equal(1, result.Exit);
        Assert.Contains("404", result.Output, StringComparison.Ordinal);
        Assert.Contains("Customers", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_readers_token_is_refused_for_run_with_the_403_detail_and_exit_1()
    {
        var result = await runtime.RunAsync("run", "Customer groups", "--token", runtime.TokenOf("reader"));
        Assert.Equal(1, result.Exit);
        Assert.Contains("403", result.Output, StringComparison.Ordinal);

        var status = await runtime.RunAsync("status", "--json", "--token", runtime.TokenOf("reader"));
        Assert.True(status.Exit == 0, status.Output);
        Assert.DoesNotContain("\"Initializing\"", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_token_is_refused_with_exit_1()
    {
        var result = await runtime.RunAsync("status", "--token", "not-a-token");
        Assert.Equal(1, result.Exit);
        Assert.Contains("401", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_with_json_is_parseable_and_its_exit_code_follows_its_findings()
    {
        var result = await runtime.RunAsync("health", "--json");
        using var json = JsonDocument.Parse(result.Output);
        var healthy = json.RootElement.GetProperty("healthy").GetBoolean();
        Assert.Equal(healthy ? 0 : 1, result.Exit);
    }

    [Fact]
    public async Task Solutions_list_names_the_solution_the_link_applied()
    {
        var result = await runtime.RunAsync("solutions", "list", "--json");
        Assert.True(result.Exit == 0, result.Output);
        using var json = JsonDocument.Parse(result.Output);
        Assert.NotEmpty(json.RootElement.EnumerateArray());
    }

    [Fact]
    public async Task A_solution_the_runtime_finds_wrong_is_refused_with_its_findings_and_exit_1()
    {
        var broken = Path.Combine(runtime.DataFolder, "broken.json");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(Repository.ShippedSolution))
            .Replace("\"dataverse\": \"accountnumber\"", "\"dataverse\": \"accountnumbr\"", StringComparison.Ordinal));
        var result = await runtime.RunAsync("solutions", "import", broken);
        Assert.Equal(1, result.Exit);
        Assert.Contains("422", result.Output, StringComparison.Ordinal);
        Assert.Contains("DIPV1024", result.Output, StringComparison.Ordinal);
        Assert.Contains("accountnumbr", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solutions_export_writes_the_solution_file_it_holds()
    {
        var file = Path.Combine(runtime.DataFolder, "exported.json");
        var result = await runtime.RunAsync("solutions", "export", "DualWriteCore", "--out", file);
        Assert.True(result.Exit == 0, result.Output);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.Contains(json.RootElement.GetProperty("maps").EnumerateArray(), m => m.GetProperty("name").GetString() == "Customer groups");
    }

    [Fact]
    public async Task Link_show_prints_the_linked_environments_and_companies()
    {
        var result = await runtime.RunAsync("link", "show");
        Assert.True(result.Exit == 0, result.Output);
        Assert.Contains(runtime.FinOpsEmulator.Running.ServiceRoot.AbsoluteUri, result.Output, StringComparison.Ordinal);
        Assert.Contains("usmf", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_and_queue_with_json_answer_with_the_apis_pages()
    {
        var errors = await runtime.RunAsync("errors", "--since", "1h", "--type", "application", "--json");
        Assert.True(errors.Exit == 0, errors.Output);
        using (var json = JsonDocument.Parse(errors.Output))
        {
            Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("total").ValueKind);
        }

        var queue = await runtime.RunAsync("queue", "Customer groups", "--json");
        Assert.True(queue.Exit == 0, queue.Output);
        using (var json = JsonDocument.Parse(queue.Output))
        {
            Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
        }
    }
}
