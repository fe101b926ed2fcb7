using System.Net;
using System.Text.Json;
using DualWrite.Protocols.Batch;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.Dataverse;

public sealed class DataverseBatchTests(DataverseFixture fixture) : IClassFixture<DataverseFixture>
{
    private TestEnvironment Env => fixture.Environment;

    [Fact]
    public async Task A_change_set_commits_whole_and_later_requests_refer_to_earlier_ones_by_content_id()
    {
        using var client = await Env.ClientAsync();
        var (response, items) = await BatchBuilder.SendAsync(client,
        [
            new BatchChangeSet(
            [
                Post("accounts", new() { ["name"] = "Batch parent", ["accountnumber"] = "B-001", ["msdyn_company@odata.bind"] = $"/cdm_companies({fixture.Usmf})" }, "1"),
                Post("contacts", new() { ["lastname"] = "Batch child", ["parentcustomerid@odata.bind"] = "$1" }, "2"),
                BatchBuilder.Patch("$1", new { description = "Patched through $1" }, "3"),
                Post("accounts", new() { ["name"] = "Batch sibling", ["accountnumber"] = "B-002", ["parentaccountid@odata.bind"] = "$1" }, "4"),
            ]),
            new BatchSingle(BatchBuilder.Get($"accounts(accountnumber='B-001',_msdyn_company_value={fixture.Usmf})?$select=description")),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changeSet = Assert.IsType<BatchChangeSetResponse>(items[0]);
        Assert.Equal([204, 204, 204, 204], changeSet.Responses.Select(r => r.StatusCode));
        Assert.Equal(["1", "2", "3", "4"], changeSet.Responses.Select(r => r.ContentId));
        var parent = Guid.Parse(changeSet.Responses[0].Headers["OData-EntityId"].Split('(', ')')[1]);
        var child = Guid.Parse(changeSet.Responses[1].Headers["OData-EntityId"].Split('(', ')')[1]);

        Assert.Equal(parent, (await Dv.ReadAsync(client, $"contacts({child})")).GetProperty("_parentcustomerid_value").GetGuid());
        Assert.Equal(parent, Assert.Single(await Dv.ValuesAsync(client, "accounts?$filter=accountnumber eq 'B-002'")).GetProperty("_parentaccountid_value").GetGuid());
        var read = Assert.IsType<BatchSingleResponse>(items[1]).Response;
        Assert.Equal(200, read.StatusCode);
        Assert.Equal("Patched through $1", JsonDocument.Parse(read.Body).RootElement.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_change_set_that_fails_half_way_leaves_nothing_behind()
    {
        using var client = await Env.ClientAsync();
        var existing = await Dv.CreateAccountAsync(client, "B-010", fixture.Usmf, "Untouched");
        var (_, items) = await BatchBuilder.SendAsync(client,
        [
            new BatchChangeSet(
            [
                Post("accounts", new() { ["name"] = "First", ["accountnumber"] = "B-011" }, "1"),
                BatchBuilder.Patch($"accounts({existing})", new { name = "Changed" }, "2"),
                Post("contacts", new() { ["lastname"] = "Child", ["parentcustomerid@odata.bind"] = "$1" }, "3"),
                Post("accounts", new() { ["name"] = "Bad", ["accountnumber"] = "B-012", ["numberofemployees"] = "many" }, "4"),
            ]),
        ]);

        var failure = Assert.IsType<BatchSingleResponse>(Assert.Single(items)).Response;
        Assert.Equal(400, failure.StatusCode);
        Assert.Equal("4", failure.ContentId);
        Assert.Contains("numberofemployees", BatchBuilder.Text(failure), StringComparison.Ordinal);
        Assert.Empty(await Dv.ValuesAsync(client, "accounts?$filter=accountnumber eq 'B-011' or accountnumber eq 'B-012'"));
        Assert.Empty(await Dv.ValuesAsync(client, "contacts?$filter=lastname eq 'Child'"));
        Assert.Equal("Untouched", (await Dv.ReadAsync(client, $"accounts({existing})")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_unknown_content_id_fails_the_change_set()
    {
        using var client = await Env.ClientAsync();
        var (_, items) = await BatchBuilder.SendAsync(client,
        [
            new BatchChangeSet(
            [
                Post("accounts", new() { ["name"] = "Ref", ["accountnumber"] = "B-020" }, "1"),
                Post("contacts", new() { ["lastname"] = "Dangling", ["parentcustomerid@odata.bind"] = "$9" }, "2"),
            ]),
        ]);

        var failure = Assert.IsType<BatchSingleResponse>(Assert.Single(items)).Response;
        Assert.Equal(400, failure.StatusCode);
        Assert.Contains("$9", BatchBuilder.Text(failure), StringComparison.Ordinal);
        Assert.Empty(await Dv.ValuesAsync(client, "accounts?$filter=accountnumber eq 'B-020'"));
    }

    [Fact]
    public async Task Continue_on_error_runs_the_rest_of_the_batch_after_a_failed_change_set()
    {
        using var client = await Env.ClientAsync();
        BatchItem[] items =
        [
            new BatchChangeSet([Post("accounts", new() { ["accountnumber"] = "B-030" }, "1")]),
            new BatchChangeSet([Post("accounts", new() { ["name"] = "After the failure", ["accountnumber"] = "B-031" }, "1")]),
            new BatchSingle(BatchBuilder.Get("accounts?$filter=accountnumber eq 'B-031'")),
        ];

        var (_, stopped) = await BatchBuilder.SendAsync(client, items);
        Assert.Single(stopped);
        Assert.Empty(await Dv.ValuesAsync(client, "accounts?$filter=accountnumber eq 'B-031'"));

        var (_, continued) = await BatchBuilder.SendAsync(client, items, "odata.continue-on-error");
        Assert.Equal(3, continued.Count);
        Assert.Equal(400, Assert.IsType<BatchSingleResponse>(continued[0]).Response.StatusCode);
        Assert.Equal([204], Assert.IsType<BatchChangeSetResponse>(continued[1]).Responses.Select(r => r.StatusCode));
        var read = Assert.IsType<BatchSingleResponse>(continued[2]).Response;
        Assert.Equal("After the failure", JsonDocument.Parse(read.Body).RootElement.GetProperty("value")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_batch_is_refused_for_a_reader_part_by_part()
    {
        using var reader = await Env.ClientAsync("reader");
        var (response, items) = await BatchBuilder.SendAsync(reader,
        [
            new BatchChangeSet([Post("accounts", new() { ["name"] = "Reader", ["accountnumber"] = "B-040" }, "1")]),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(403, Assert.IsType<BatchSingleResponse>(Assert.Single(items)).Response.StatusCode);
        using var client = await Env.ClientAsync();
        Assert.Empty(await Dv.ValuesAsync(client, "accounts?$filter=accountnumber eq 'B-040'"));
    }

    private static BatchRequest Post(string url, Dictionary<string, object?> body, string contentId) => BatchBuilder.Post(url, body, contentId);
}
