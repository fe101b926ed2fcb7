using System.Net;
using System.Text.Json;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.Dataverse;

/// <summary>Change tracking reads every change of a table, so these tests have an environment of their own and run one after another.</summary>
public sealed class DataverseChangeTrackingTests(DataverseFixture fixture) : IClassFixture<DataverseFixture>
{
    private const string Track = "odata.track-changes";

    private TestEnvironment Env => fixture.Environment;

    [Fact]
    public async Task The_delta_link_returns_each_changed_row_once_and_each_deleted_row_as_deleted_then_nothing()
    {
        using var client = await Env.ClientAsync();
        var kept = await Dv.CreateAccountAsync(client, "T-001", fixture.Usmf, "Kept");
        var updated = await Dv.CreateAccountAsync(client, "T-002", fixture.Usmf, "Before");
        var deleted = await Dv.CreateAccountAsync(client, "T-003", fixture.Usmf, "Deleted");

        var first = await Dv.ReadAsync(client, "accounts?$select=name,accountnumber", Track);
        Assert.False(first.TryGetProperty("@odata.nextLink", out _));
        Assert.Contains(kept, first.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("accountid").GetGuid()));
        var deltaLink = first.GetProperty("@odata.deltaLink").GetString()!;
        Assert.Contains("$deltatoken=", deltaLink, StringComparison.Ordinal);

        using (var patch = await Dv.PatchAsync(client, $"accounts({updated})", Dv.Body(("name", "Once"))))
        {
            Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        }

        using (var patch = await Dv.PatchAsync(client, $"accounts({updated})", Dv.Body(("name", "Twice"))))
        {
            Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"accounts({deleted})")).StatusCode);
        var created = await Dv.CreateAccountAsync(client, "T-004", fixture.Gbsi, "New");

        var delta = await Dv.ReadAsync(client, deltaLink);
        var entries = delta.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        var changed = entries.Where(e => e.TryGetProperty("accountid", out _)).ToDictionary(e => e.GetProperty("accountid").GetGuid());
        Assert.Equal(new[] { updated, created }.Order(), changed.Keys.Order());
        Assert.Equal("Twice", changed[updated].GetProperty("name").GetString());
        Assert.Equal("T-004", changed[created].GetProperty("accountnumber").GetString());
        Assert.False(changed[created].TryGetProperty("description", out _));
        var removed = Assert.Single(entries, e => e.TryGetProperty("reason", out _));
        Assert.Equal("deleted", removed.GetProperty("reason").GetString());
        Assert.Equal(deleted, removed.GetProperty("id").GetGuid());
        Assert.EndsWith("$deletedEntity", removed.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);

        var nextLink = delta.GetProperty("@odata.deltaLink").GetString()!;
        Assert.NotEqual(deltaLink, nextLink);
        var quiet = await Dv.ReadAsync(client, nextLink);
        Assert.Empty(quiet.GetProperty("value").EnumerateArray());
        var stillQuiet = await Dv.ReadAsync(client, quiet.GetProperty("@odata.deltaLink").GetString()!);
        Assert.Empty(stillQuiet.GetProperty("value").EnumerateArray());

        using var contact = await client.PostAsync("contacts", Dv.Body(("lastname", "Other table")));
        Assert.Empty((await Dv.ReadAsync(client, quiet.GetProperty("@odata.deltaLink").GetString()!)).GetProperty("value").EnumerateArray());
    }

    [Fact]
    public async Task A_multi_page_first_read_gives_a_delta_link_on_the_last_page_that_catches_changes_made_between_pages()
    {
        using var client = await Env.ClientAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await Dv.CreateAccountAsync(client, $"T-1{i}", fixture.Gbsi, $"Paged {i}"));
        }

        var seen = new List<Guid>();
        string? url = "accounts?$select=name";
        string? deltaLink = null;
        var pages = 0;
        var changedBetweenPages = Guid.Empty;
        while (url is not null)
        {
            var page = await Dv.ReadAsync(client, url, $"{Track},odata.maxpagesize=3");
            seen.AddRange(page.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("accountid").GetGuid()));
            url = page.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
            if (url is not null)
            {
                Assert.False(page.TryGetProperty("@odata.deltaLink", out _));
            }
            else
            {
                deltaLink = page.GetProperty("@odata.deltaLink").GetString();
            }

            if (pages++ == 0)
            {
                // A row the first page already showed changes before the second page is read.
                changedBetweenPages = seen[0];
                using var patch = await Dv.PatchAsync(client, $"accounts({changedBetweenPages})", Dv.Body(("description", "changed between pages")));
                Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
            }
        }

        Assert.True(pages > 2);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Superset(ids.ToHashSet(), seen.ToHashSet());
        Assert.NotNull(deltaLink);

        var delta = await Dv.ReadAsync(client, deltaLink);
        var entries = delta.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal([changedBetweenPages], entries.Select(e => e.GetProperty("accountid").GetGuid()));
    }

    [Fact]
    public async Task Change_tracking_refuses_filters_and_foreign_tokens()
    {
        using var client = await Env.ClientAsync();
        using var filtered = await Dv.GetAsync(client, "accounts?$filter=name eq 'x'", Track);
        Assert.Equal(HttpStatusCode.BadRequest, filtered.StatusCode);
        await Dv.ErrorAsync(filtered);

        using var forged = await client.GetAsync("accounts?$deltatoken=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var plain = await Dv.ReadAsync(client, "accounts?$select=name");
        Assert.False(plain.TryGetProperty("@odata.deltaLink", out _));
        Assert.Equal(JsonValueKind.Array, plain.GetProperty("value").ValueKind);
    }
}
