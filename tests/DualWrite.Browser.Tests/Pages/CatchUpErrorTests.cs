using System.Text.Json;
using DualWrite.Browser.Tests.Browser;
using DualWrite.Testing;
using OpenQA.Selenium;

namespace DualWrite.Browser.Tests.Pages;

/// <summary>
/// Changes made on F&amp;O while a map is paused that Dataverse cannot take when they are replayed: they wait on the
/// map's Catch-up errors tab with their reason until someone dismisses them, or retries them once the cause is gone.
/// </summary>
[Collection(AdminPageSuite.Name)]
public sealed class CatchUpErrorTests(AdminUiFixture fixture)
{
    private const string CustomerGroups = "Customer groups";

    // Terms of payment that neither side has, until the test makes them on F&O (names are at most 10 characters).
    private const string MissingTerm = "DWCATCHUP";

    [Fact]
    public async Task A_change_whose_lookup_fails_on_replay_is_listed_with_its_reason_and_dismissed_or_retried_from_the_page()
    {
        using var api = new AdminApiClient(fixture.Runtime);
        using var finOps = new EnvironmentUser(fixture.Runtime.Local.FinOps, "app");
        using var dataverse = new EnvironmentUser(fixture.Runtime.Local.Dataverse, "admin");
        await api.RunWithRelatedAsync(CustomerGroups);
        var groups = (await finOps.GetAsync("CustomerGroups?cross-company=true&$filter=dataAreaId eq 'usmf'&$select=CustomerGroupId&$top=2"))
            .GetProperty("value").EnumerateArray().Select(g => g.GetProperty("CustomerGroupId").GetString()!).ToArray();
        Assert.Equal(2, groups.Length);

        await api.PostAsync("actions/pause", new { maps = new[] { CustomerGroups } });
        foreach (var group in groups)
        {
            using var queued = await finOps.PatchAsync(GroupPath(group), new { PaymentTermId = MissingTerm });
            Assert.True(queued.IsSuccessStatusCode, $"a paused map should let F&O take the change: {await queued.Content.ReadAsStringAsync()}");
        }

        await api.PostAsync("actions/resume", new { maps = new[] { CustomerGroups } });
        Assert.True(await Eventually.HoldsAsync(async () => await api.StateOfAsync(CustomerGroups) == "Running", TimeSpan.FromMinutes(1)), "the catch-up to end");

        var page = AdminPage.SignedIn(fixture, "administrator");
        var browser = fixture.Browser;
        page.Open("maps/" + Uri.EscapeDataString(CustomerGroups) + "/catch-up");
        var rows = browser.Wait(d => d.FindElements(By.CssSelector(".tab-panel tr[data-sequence]")) is { Count: 2 } found ? found : null, "both failed changes")!;
        foreach (var (row, group) in rows.Zip(groups))
        {
            Assert.Contains(group, row.Text, StringComparison.Ordinal);
            Assert.Contains(MissingTerm, row.FindElement(By.CssSelector("td.message")).Text, StringComparison.Ordinal);
        }

        browser.Screenshot("catch-up-errors");

        // Dismissing the ticked one drops it and leaves the other.
        rows[0].FindElement(By.CssSelector("input[type='checkbox']")).Click();
        Assert.Equal("Dismiss 1 ticked", page.Button("dismiss").Text);
        page.Button("dismiss").Click();
        var left = browser.Wait(d => d.FindElements(By.CssSelector(".tab-panel tr[data-sequence]")) is { Count: 1 } found ? found[0] : null, "one catch-up error left")!;
        Assert.Contains(groups[1], left.Text, StringComparison.Ordinal);

        // Once the terms of payment exist (made on F&O, synchronised by their running map), retrying replays the change.
        using (var created = await finOps.PostAsync("PaymentTerms", new { dataAreaId = "usmf", Name = MissingTerm, Description = "Made by the catch-up test", NumberOfDays = 10 }))
        {
            Assert.True(created.IsSuccessStatusCode, $"F&O refused the terms of payment: {await created.Content.ReadAsStringAsync()}");
        }

        page.Button("retry").Click();
        Assert.True(await Eventually.HoldsAsync(async () => await DataverseTermOfAsync(dataverse, groups[1]) == MissingTerm, TimeSpan.FromMinutes(1)), "the retried change to reach Dataverse");
        Assert.Contains("No catch-up errors", browser.WaitFor(".tab-panel .empty", "the emptied list").Text, StringComparison.Ordinal);
        Assert.NotEqual(MissingTerm, await DataverseTermOfAsync(dataverse, groups[0]));
    }

    private static string GroupPath(string group) => $"CustomerGroups(dataAreaId='usmf',CustomerGroupId='{group}')";

    private static async Task<string?> DataverseTermOfAsync(EnvironmentUser dataverse, string group)
    {
        var rows = await dataverse.GetAsync(
            $"msdyn_customergroups?$filter=msdyn_groupid eq '{group}'&$select=msdyn_groupid&$expand=msdyn_company($select=cdm_companycode),msdyn_paymenttermid($select=msdyn_name)");
        return rows.GetProperty("value").EnumerateArray()
            .Where(r => r.GetProperty("msdyn_company") is { ValueKind: JsonValueKind.Object } company
                && string.Equals(company.GetProperty("cdm_companycode").GetString(), "usmf", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.GetProperty("msdyn_paymenttermid") is { ValueKind: JsonValueKind.Object } term ? term.GetProperty("msdyn_name").GetString() : null)
            .Single();
    }
}
