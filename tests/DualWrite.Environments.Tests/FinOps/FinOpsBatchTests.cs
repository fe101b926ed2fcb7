using System.Net;
using DualWrite.Protocols.Batch;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.FinOps;

public sealed class FinOpsBatchTests(FinOpsFixture fixture) : IClassFixture<FinOpsFixture>
{
    [Fact]
    public async Task A_change_set_that_fails_half_way_leaves_nothing_behind()
    {
        using var client = await fixture.Environment.ClientAsync();
        var (response, items) = await BatchBuilder.SendAsync(client,
        [
            new BatchChangeSet(
            [
                BatchBuilder.Post("CustomersV3", new { dataAreaId = "usmf", CustomerAccount = "B-1", CustomerGroupId = "10" }, "1"),
                BatchBuilder.Post("CustomersV3", new { dataAreaId = "usmf", CustomerAccount = "B-2", CustomerGroupId = "10" }, "2"),
                BatchBuilder.Post("CustomersV3", new { dataAreaId = "usmf", CustomerAccount = "B-3", CreditLimit = "not a number" }, "3"),
            ]),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failure = Assert.IsType<BatchSingleResponse>(Assert.Single(items)).Response;
        Assert.Equal(400, failure.StatusCode);
        Assert.Contains("CreditLimit", BatchBuilder.Text(failure), StringComparison.Ordinal);
        var left = await FinOpsEntityTests.ValuesAsync(client, "CustomersV3?cross-company=true&$filter=startswith(CustomerAccount,'B-')");
        Assert.Empty(left);
    }

    [Fact]
    public async Task A_change_set_commits_whole_and_requests_outside_it_run_on_their_own()
    {
        using var client = await fixture.Environment.ClientAsync();
        var (_, items) = await BatchBuilder.SendAsync(client,
        [
            new BatchChangeSet(
            [
                BatchBuilder.Post("CustomersV3", new { dataAreaId = "usmf", CustomerAccount = "C-1", CustomerGroupId = "10" }, "1"),
                BatchBuilder.Patch("$1", new { OrganizationName = "Named through its Content-ID" }, "2"),
            ]),
            new BatchSingle(BatchBuilder.Get("CustomersV3(dataAreaId='usmf',CustomerAccount='C-1')")),
        ]);

        var changeSet = Assert.IsType<BatchChangeSetResponse>(items[0]);
        Assert.Equal([201, 204], changeSet.Responses.Select(r => r.StatusCode));
        Assert.Equal(["1", "2"], changeSet.Responses.Select(r => r.ContentId));
        var read = Assert.IsType<BatchSingleResponse>(items[1]).Response;
        Assert.Equal(200, read.StatusCode);
        Assert.Contains("Named through its Content-ID", BatchBuilder.Text(read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_continue_on_error_the_batch_stops_at_the_first_failure_and_with_it_goes_on()
    {
        using var client = await fixture.Environment.ClientAsync();
        BatchItem[] items =
        [
            new BatchSingle(BatchBuilder.Get("CustomersV3(dataAreaId='usmf',CustomerAccount='NONE')")),
            new BatchSingle(BatchBuilder.Get("CustomersV3?$top=1")),
        ];
        var (_, stopped) = await BatchBuilder.SendAsync(client, items);
        Assert.Equal([404], stopped.Select(i => ((BatchSingleResponse)i).Response.StatusCode));

        var (_, continued) = await BatchBuilder.SendAsync(client, items, "odata.continue-on-error");
        Assert.Equal([404, 200], continued.Select(i => ((BatchSingleResponse)i).Response.StatusCode));
    }

    [Fact]
    public async Task A_malformed_batch_is_a_400_that_says_where()
    {
        using var client = await fixture.Environment.ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "$batch")
        {
            Content = new StringContent("--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n"),
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=b");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("part 1", await FinOpsEntityTests.ErrorMessageAsync(response), StringComparison.Ordinal);
    }
}
