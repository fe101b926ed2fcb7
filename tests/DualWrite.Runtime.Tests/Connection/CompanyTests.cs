using DualWrite.Runtime.Connection;

namespace DualWrite.Runtime.Tests.Connection;

public sealed class CompanyTests : IAsyncLifetime
{
    private LinkHarness harness = null!;

    public async Task InitializeAsync()
    {
        harness = await LinkHarness.StartAsync();
        await harness.LinkAsync("dat");
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task An_added_company_is_created_in_Dataverse_and_linked()
    {
        await harness.Service.AddCompanyAsync("GBSI", skipInitialSync: false, CancellationToken.None);

        Assert.Equal(["dat", "gbsi"], await harness.Store.Store.GetCompaniesAsync(CancellationToken.None));
        Assert.Equal(["dat", "gbsi"], (await harness.Service.GetAsync(CancellationToken.None))!.Companies);
        Assert.Equal(["dat", "gbsi"], await harness.DataverseCompaniesAsync());

        // No map is started, so there is nothing to copy yet: each map copies the company when it starts.
        Assert.Empty(harness.InitialSync.Started);
    }

    [Fact]
    public async Task A_company_added_to_started_maps_has_its_initial_sync_started_unless_told_to_skip()
    {
        await harness.StartMapAsync("Customer groups");
        await harness.StartMapAsync("Currencies");

        await harness.Service.AddCompanyAsync("usmf", skipInitialSync: false, CancellationToken.None);
        await harness.Service.AddCompanyAsync("gbsi", skipInitialSync: true, CancellationToken.None);

        // Currencies are global: a new company brings no rows of its own to them.
        var (company, maps) = Assert.Single(harness.InitialSync.Started);
        Assert.Equal("usmf", company);
        Assert.Equal(["Customer groups"], maps);
        Assert.Equal(["dat", "usmf", "gbsi"], await harness.Store.Store.GetCompaniesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_company_that_FinOps_lacks_is_refused_by_name_and_nothing_changes()
    {
        var refusal = await Assert.ThrowsAsync<LinkException>(() => harness.Service.AddCompanyAsync("zzz", skipInitialSync: false, CancellationToken.None));

        Assert.Contains("'zzz'", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(["dat"], await harness.Store.Store.GetCompaniesAsync(CancellationToken.None));
        Assert.Equal(["dat"], await harness.DataverseCompaniesAsync());
    }

    [Fact]
    public async Task A_company_already_linked_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<LinkException>(() => harness.Service.AddCompanyAsync("DAT", skipInitialSync: true, CancellationToken.None));

        Assert.Contains("'dat' is already linked", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_company_is_synchronised_no_more_and_its_Dataverse_row_stays()
    {
        await harness.Service.AddCompanyAsync("usmf", skipInitialSync: true, CancellationToken.None);

        await harness.Service.RemoveCompanyAsync("USMF", CancellationToken.None);

        Assert.Equal(["dat"], await harness.Store.Store.GetCompaniesAsync(CancellationToken.None));
        Assert.Equal(["dat", "usmf"], await harness.DataverseCompaniesAsync());
    }

    [Fact]
    public async Task Removing_a_company_not_linked_or_the_last_one_is_refused()
    {
        var notLinked = await Assert.ThrowsAsync<LinkException>(() => harness.Service.RemoveCompanyAsync("gbsi", CancellationToken.None));
        var last = await Assert.ThrowsAsync<LinkException>(() => harness.Service.RemoveCompanyAsync("dat", CancellationToken.None));

        Assert.Contains("'gbsi' is not linked", notLinked.Message, StringComparison.Ordinal);
        Assert.Contains("only linked legal entity", last.Message, StringComparison.Ordinal);
        Assert.Equal(["dat"], await harness.Store.Store.GetCompaniesAsync(CancellationToken.None));
    }
}
