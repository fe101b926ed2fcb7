using DualWrite.Cli.Tests.Support;

namespace DualWrite.Cli.Tests;

public sealed class MapsCommandTests : IDisposable
{
    private readonly StringWriter output = new();
    private readonly string directory = Path.Combine(Path.GetTempPath(), "dualwrite-cli-tests", Guid.NewGuid().ToString("N"));

    public MapsCommandTests() => Directory.CreateDirectory(directory);

    [Fact]
    public async Task Show_prints_a_map_of_the_out_of_box_solution_in_the_symbol_view()
    {
        Assert.Equal(0, await RunAsync("maps", "show", "Customers V3 (accounts)", "--solution", Repository.ShippedSolution));
        var text = output.ToString();
        Assert.Contains("  CUSTOMERGROUPID = msdyn_customergroupid.msdyn_groupid\n", text, StringComparison.Ordinal);
        Assert.Contains("  none >> customertypecode  [default 3]\n", text, StringComparison.Ordinal);
        Assert.Contains("Depends on:       Legal entities, Currencies, Customer groups, Terms of payment\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_names_the_maps_there_are_when_the_name_is_unknown()
    {
        Assert.Equal(1, await RunAsync("maps", "show", "Customers", "--file", Repository.ShippedSolution));
        Assert.Contains("Customers V3 (contacts)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_passes_the_shipped_solution_and_lists_every_finding_of_a_broken_one()
    {
        var shipped = Repository.ShippedSolution;
        Assert.Equal(0, await RunAsync("maps", "validate", shipped));
        Assert.Contains("no findings", output.ToString(), StringComparison.Ordinal);

        var broken = Path.Combine(directory, "broken.json");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(shipped))
            .Replace("\"dataverse\": \"accountnumber\"", "\"dataverse\": \"accountnumbr\"", StringComparison.Ordinal)
            .Replace("\"dataverse\": \"creditlimit\"", "\"dataverse\": \"name\"", StringComparison.Ordinal));
        output.GetStringBuilder().Clear();
        Assert.Equal(1, await RunAsync("maps", "validate", broken));
        var text = output.ToString();
        Assert.Contains("DIPV1024", text, StringComparison.Ordinal);
        Assert.Contains("accountnumbr", text, StringComparison.Ordinal);
        Assert.Contains("DIPV1026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_with_json_answers_as_the_apis_validation_with_a_fix_for_each_finding()
    {
        var broken = Path.Combine(directory, "broken.json");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(Repository.ShippedSolution))
            .Replace("\"dataverse\": \"accountnumber\"", "\"dataverse\": \"accountnumbr\"", StringComparison.Ordinal));
        Assert.Equal(1, await RunAsync("maps", "validate", broken, "--json"));
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "DIPV1024");
        Assert.Equal("Check the spelling and the path.", finding.GetProperty("fix").GetString());
    }

    [Fact]
    public async Task Validate_says_where_a_file_that_is_not_a_solution_broke()
    {
        var file = Path.Combine(directory, "not-a-solution.json");
        await File.WriteAllTextAsync(file, "{ \"name\": \"x\" ");
        Assert.Equal(2, await RunAsync("maps", "validate", file));
        Assert.Contains("line 1", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        output.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<int> RunAsync(params string[] args)
    {
        var result = await DualWriteCli.RunAsync(args);
        await output.WriteAsync(result.Output);
        return result.Exit;
    }
}
