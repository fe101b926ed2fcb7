using System.Text.Json;
using DualWrite.Protocols.Batch;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.FinOps;

public sealed class FinOpsPagingTests(FinOpsFixture fixture) : IClassFixture<FinOpsFixture>
{
    private const int Rows = 25_000;

    [Fact]
    public async Task Paging_returns_every_row_exactly_once_over_25000_rows_even_while_rows_are_added()
    {
        using var client = await fixture.Environment.ClientAsync();
        for (var start = 0; start < Rows; start += 5_000)
        {
            var requests = Enumerable.Range(start, 5_000)
                .Select(i => BatchBuilder.Post("CustomersV3", new { dataAreaId = "usmf", CustomerAccount = $"P-{i:D6}", CustomerGroupId = (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            var (response, items) = await BatchBuilder.SendAsync(client, [new BatchChangeSet(requests)]);
            response.EnsureSuccessStatusCode();
            Assert.All(((BatchChangeSetResponse)items.Single()).Responses, r => Assert.Equal(201, r.StatusCode));
        }

        var seen = new List<string>();
        var pages = 0;
        string? next = "CustomersV3?cross-company=true&$select=CustomerAccount&$orderby=CustomerGroupId desc&$filter=startswith(CustomerAccount,'P-')";
        while (next is not null)
        {
            using var response = await client.GetAsync(next);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            seen.AddRange(json.RootElement.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("CustomerAccount").GetString()!));
            next = json.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            if (pages++ == 0)
            {
                // A row written between pages must neither repeat nor push another out.
                (await client.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "usmf", CustomerAccount = "P-LATE", CustomerGroupId = "9" }))).EnsureSuccessStatusCode();
            }
        }

        Assert.Equal(3, pages);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, Rows).Select(i => $"P-{i:D6}"), seen.Where(s => s != "P-LATE").Order());
    }

    [Fact]
    public async Task Maxpagesize_preference_sets_smaller_pages_and_top_caps_the_total()
    {
        using var client = await fixture.Environment.ClientAsync();
        for (var i = 0; i < 12; i++)
        {
            (await client.PostAsync("CustomersV3", TestEnvironment.Json(new { dataAreaId = "usmf", CustomerAccount = $"M-{i:D2}", CustomerGroupId = "1" }))).EnsureSuccessStatusCode();
        }

        var counts = new List<int>();
        string? next = "CustomersV3?cross-company=true&$filter=startswith(CustomerAccount,'M-')&$top=10";
        while (next is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=4");
            using var response = await client.SendAsync(request);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            counts.Add(json.RootElement.GetProperty("value").GetArrayLength());
            next = json.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        Assert.Equal([4, 4, 2], counts);
    }
}
