using System.Text.Json;
using System.Text.Json.Nodes;
using DualWrite.Cli.Tests.Support;

namespace DualWrite.Cli.Tests;

/// <summary><c>dualwrite maps debug</c>, <c>export</c> and <c>edit</c> against a linked runtime.</summary>
public sealed class MapChangeTests(LinkedRuntime runtime) : IClassFixture<LinkedRuntime>, IDisposable
{
    private readonly string directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dualwrite-cli-tests", Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public async Task Debug_mode_turned_on_and_off_shows_in_the_list_of_maps()
    {
        const string Vendors = "Vendor groups";
        var on = await runtime.RunAsync("maps", "debug", Vendors, "on");
        Assert.True(on.Exit == 0, on.Output);
        Assert.Contains("new errors of Vendor groups keep their payloads", on.Output, StringComparison.Ordinal);
        Assert.True(await DebugOfAsync(Vendors));

        var off = await runtime.RunAsync("maps", "debug", Vendors, "off", "--json");
        Assert.True(off.Exit == 0, off.Output);
        using (var answer = JsonDocument.Parse(off.Output))
        {
            Assert.False(answer.RootElement.GetProperty("debug").GetBoolean());
        }

        Assert.False(await DebugOfAsync(Vendors));

        var refused = await runtime.RunAsync("maps", "debug", Vendors, "on", "--token", runtime.TokenOf("reader"));
        Assert.Equal(1, refused.Exit);
        Assert.Contains("is a reader, who may only read", refused.Output, StringComparison.Ordinal);
        Assert.False(await DebugOfAsync(Vendors));

        Assert.Equal(2, (await runtime.RunAsync("maps", "debug", Vendors, "maybe")).Exit);
    }

    [Fact]
    public async Task An_exported_map_changed_and_given_back_is_the_active_version_and_shows_the_change()
    {
        const string Groups = "Customer groups";
        var map = await ExportAsync(Groups);
        Assert.Equal(Groups, map["name"]!.GetValue<string>());
        Field(map, "Description")["direction"] = ">";
        var file = await WriteAsync("groups.json", map);

        var refused = await runtime.RunAsync("maps", "edit", Groups, "--file", file, "--token", runtime.TokenOf("reader"));
        Assert.Equal(1, refused.Exit);
        Assert.Contains("is a reader, who may only read", refused.Output, StringComparison.Ordinal);

        var edited = await runtime.RunAsync("maps", "edit", Groups, "--file", file);
        Assert.True(edited.Exit == 0, edited.Output);
        Assert.Contains("Saved Customer groups as version 1.0.0.1", edited.Output, StringComparison.Ordinal);
        var shown = await runtime.RunAsync("maps", "show", Groups);
        Assert.True(shown.Exit == 0, shown.Output);
        Assert.Contains("version 1.0.0.1", shown.Output, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION > msdyn_description", shown.Output, StringComparison.Ordinal);

        // Written as a person would write it, to be edited again: no \u003E for the direction.
        var exported = await runtime.RunAsync("maps", "export", Groups);
        Assert.Contains("\"direction\": \">\"", exported.Output, StringComparison.Ordinal);
        Assert.Contains("\"version\": \"1.0.0.1\"", exported.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_map_that_breaks_validation_is_refused_with_its_findings_and_left_as_it_was()
    {
        const string Terms = "Terms of payment";
        var map = await ExportAsync(Terms);
        var field = map["fields"]!.AsArray().Select(f => f!).First(f => f["dataverse"] is not null);
        var misspelt = field["dataverse"]!.GetValue<string>() + "x";
        field["dataverse"] = misspelt;
        var file = await WriteAsync("terms.json", map);

        var edited = await runtime.RunAsync("maps", "edit", Terms, "--file", file);
        Assert.Equal(1, edited.Exit);
        Assert.Contains("422", edited.Output, StringComparison.Ordinal);
        Assert.Contains("DIPV1024", edited.Output, StringComparison.Ordinal);
        Assert.Contains(misspelt, edited.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(misspelt, (await runtime.RunAsync("maps", "show", Terms)).Output, StringComparison.Ordinal);

        Assert.Equal(2, (await runtime.RunAsync("maps", "edit", Terms, "--file", Path.Combine(directory, "missing.json"))).Exit);
    }

    [Fact]
    public async Task A_running_map_is_not_edited_and_the_runtime_says_why()
    {
        const string Entities = "Legal entities";
        var run = await runtime.RunAsync("run", Entities, "--no-related", "--skip-initial-sync", "--wait");
        Assert.True(run.Exit == 0, run.Output);
        var file = await WriteAsync("entities.json", await ExportAsync(Entities));

        var edited = await runtime.RunAsync("maps", "edit", Entities, "--file", file);
        Assert.Equal(1, edited.Exit);
        Assert.Contains("409", edited.Output, StringComparison.Ordinal);
        Assert.Contains("a map changes only while it is Not running: stop it first", edited.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static JsonNode Field(JsonNode map, string finOps) =>
        map["fields"]!.AsArray().Select(f => f!).Single(f => f["finOps"]?.GetValue<string>() == finOps);

    private async Task<bool> DebugOfAsync(string name)
    {
        var listed = await runtime.RunAsync("maps", "list", "--json");
        Assert.True(listed.Exit == 0, listed.Output);
        using var maps = JsonDocument.Parse(listed.Output);
        return maps.RootElement.EnumerateArray().Single(m => m.GetProperty("name").GetString() == name).GetProperty("debug").GetBoolean();
    }

    private async Task<JsonNode> ExportAsync(string name)
    {
        var exported = await runtime.RunAsync("maps", "export", name);
        Assert.True(exported.Exit == 0, exported.Output);
        return JsonNode.Parse(exported.Output)!;
    }

    private async Task<string> WriteAsync(string name, JsonNode map)
    {
        var file = Path.Combine(directory, name);
        await File.WriteAllTextAsync(file, map.ToJsonString());
        return file;
    }
}
