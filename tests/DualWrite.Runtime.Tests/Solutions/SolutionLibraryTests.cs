using DualWrite.Core.Maps;
using DualWrite.Environments.Hosting;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Solutions;
using DualWrite.Runtime.Store;
using DualWrite.Runtime.Tests.Store;

namespace DualWrite.Runtime.Tests.Solutions;

public sealed class SolutionLibraryTests
{
    private const string Currencies = "Currencies";
    private static readonly Solution OutOfBox = OutOfBoxSolution.Load();

    [Fact]
    public async Task A_newer_version_is_imported_beside_the_older_and_its_newer_maps_become_active()
    {
        await using var temp = await TempStore.OpenAsync();
        using var library = await HoldingOutOfBoxAsync(temp);
        var newer = WithNewerCurrencies();

        var imported = await library.ImportAsync(SolutionWriter.Write(newer), "ana", CancellationToken.None);

        Assert.Equal("1.0.0.1", imported.Version);
        Assert.Equal(["1.0.0.0", "1.0.0.1"], (await library.ListAsync(CancellationToken.None)).Select(s => s.Version));
        var active = await library.ActiveAsync(CancellationToken.None);
        Assert.Equal(new ActiveMapVersion(Currencies, "1.0.0.2", OutOfBox.Name, "1.0.0.1"), active.Single(a => a.Map == Currencies));
        Assert.Equal(new ActiveMapVersion("Legal entities", "1.0.0.0", OutOfBox.Name, "1.0.0.1"), active.Single(a => a.Map == "Legal entities"));
        Assert.Contains("version 1.0.0.2", (await temp.Store.GetActivityAsync(Currencies, 10, CancellationToken.None))[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_held_already_is_refused_and_so_is_one_that_changes_a_started_map()
    {
        await using var temp = await TempStore.OpenAsync();
        using var library = await HoldingOutOfBoxAsync(temp);
        var again = await Assert.ThrowsAsync<SolutionConflictException>(() => library.ImportAsync(SolutionWriter.Write(OutOfBox), "ana", CancellationToken.None));
        Assert.Contains("held already", again.Message, StringComparison.Ordinal);

        await temp.Store.TransitionAsync(Currencies, MapState.NotRunning, MapState.Running, "ana", "Run", null, CancellationToken.None);
        var newer = WithNewerCurrencies();
        var started = await Assert.ThrowsAsync<SolutionConflictException>(() => library.ImportAsync(SolutionWriter.Write(newer), "ana", CancellationToken.None));
        Assert.Contains("'Currencies', which is Running", started.Message, StringComparison.Ordinal);
        Assert.Single(await library.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_solution_with_findings_is_refused_with_them_and_nothing_is_saved()
    {
        await using var temp = await TempStore.OpenAsync();
        using var library = await HoldingOutOfBoxAsync(temp);
        var broken = OutOfBox with
        {
            Version = new FourPartVersion(2, 0, 0, 0),
            Maps = [OutOfBox.FindMap(Currencies)! with { FinOpsEntity = "NoSuchEntity" }],
        };

        var refusal = await Assert.ThrowsAsync<SolutionRefusedException>(() => library.ImportAsync(SolutionWriter.Write(broken), "ana", CancellationToken.None));

        Assert.NotEmpty(refusal.Findings);
        Assert.All(refusal.Findings, f => Assert.Equal(Currencies, f.Map));
        Assert.Single(await library.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Editing_a_stopped_map_saves_a_new_version_of_it_in_a_new_solution_version_and_leaves_the_others()
    {
        await using var temp = await TempStore.OpenAsync();
        using var library = await HoldingOutOfBoxAsync(temp);
        var edited = OutOfBox.FindMap(Currencies)! with { FinOpsFilter = "((CURRENCYCODE != \"998\"))" };

        var saved = await library.ReplaceMapAsync("currencies", SolutionWriter.Write(edited), "ben", CancellationToken.None);

        Assert.Equal(new FourPartVersion(1, 0, 0, 1), saved.Version);
        var active = await library.ActiveAsync(CancellationToken.None);
        Assert.Equal(new ActiveMapVersion(Currencies, "1.0.0.1", OutOfBox.Name, "1.0.0.1"), active.Single(a => a.Map == Currencies));
        Assert.All(active.Where(a => a.Map != Currencies), a => Assert.Equal("1.0.0.0", a.SolutionVersion));
        var exported = SolutionReader.Parse((await library.ExportAsync(OutOfBox.Name, null, CancellationToken.None))!, "export");
        Assert.Equal("((CURRENCYCODE != \"998\"))", exported.FindMap(Currencies)!.FinOpsFilter);
        Assert.Equal(OutOfBox.FindMap(Currencies)!.FinOpsFilter, SolutionReader.Parse((await library.ExportAsync(OutOfBox.Name, "1.0.0.0", CancellationToken.None))!, "old").FindMap(Currencies)!.FinOpsFilter);
        Assert.Equal("Edited", (await temp.Store.GetActivityAsync(Currencies, 1, CancellationToken.None))[0].Action);
    }

    [Fact]
    public async Task A_running_map_is_not_edited_and_an_unknown_one_is_not_found()
    {
        await using var temp = await TempStore.OpenAsync();
        using var library = await HoldingOutOfBoxAsync(temp);
        var map = SolutionWriter.Write(OutOfBox.FindMap(Currencies)!);
        await temp.Store.TransitionAsync(Currencies, MapState.NotRunning, MapState.Paused, "ana", "Run", null, CancellationToken.None);

        await Assert.ThrowsAsync<SolutionConflictException>(() => library.ReplaceMapAsync(Currencies, map, "ben", CancellationToken.None));
        await Assert.ThrowsAsync<UnknownMapException>(() => library.ReplaceMapAsync("Nothing", map.Replace(Currencies, "Nothing", StringComparison.Ordinal), "ben", CancellationToken.None));
        await Assert.ThrowsAsync<SolutionFormatException>(() => library.ReplaceMapAsync("Legal entities", map, "ben", CancellationToken.None));
        Assert.Single(await library.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Validation_takes_a_whole_solution_or_one_map_and_saves_nothing()
    {
        await using var temp = await TempStore.OpenAsync();
        using var library = await HoldingOutOfBoxAsync(temp);

        Assert.Empty(library.Validate(SolutionWriter.Write(OutOfBox), "body"));
        var findings = library.Validate(SolutionWriter.Write(OutOfBox.FindMap(Currencies)! with { IntegrationKey = [] }), "body");

        Assert.Contains(findings, f => f.Code == "DIPV1003");
        Assert.Single(await library.ListAsync(CancellationToken.None));
    }

    /// <summary>The out-of-box solution's next version, in which only Currencies has a newer map version.</summary>
    private static Solution WithNewerCurrencies() => OutOfBox with
    {
        Version = new FourPartVersion(1, 0, 0, 1),
        Maps = OutOfBox.Maps.Select(m => m.Name == Currencies ? m with { Version = new FourPartVersion(1, 0, 0, 2) } : m).ToArray(),
    };

    /// <summary>A library over a store holding the out-of-box solution, each of its maps pinned active, as linking leaves it.</summary>
    private static async Task<SolutionLibrary> HoldingOutOfBoxAsync(TempStore temp)
    {
        await temp.Store.SaveSolutionAsync(new StoredSolution(OutOfBox.Name, OutOfBox.Version.ToString(), SolutionWriter.Write(OutOfBox), DateTimeOffset.UnixEpoch), CancellationToken.None);
        foreach (var map in OutOfBox.Maps)
        {
            await temp.Store.SetActiveMapAsync(new ActiveMap(map.Name, OutOfBox.Name, OutOfBox.Version.ToString()), CancellationToken.None);
        }

        return new SolutionLibrary(temp.Store, EnvironmentSchemas.Load(EnvironmentKind.FinOps), EnvironmentSchemas.Load(EnvironmentKind.Dataverse), TimeProvider.System, () => { });
    }
}
