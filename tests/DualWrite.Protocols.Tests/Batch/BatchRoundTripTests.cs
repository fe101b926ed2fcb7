using System.Text.RegularExpressions;
using DualWrite.Protocols.Batch;

namespace DualWrite.Protocols.Tests.Batch;

public sealed partial class BatchRoundTripTests
{
    private static readonly Dictionary<string, string> Json = new() { ["Content-Type"] = "application/json; type=entry" };

    [Fact]
    public async Task Requests_in_and_out_of_change_sets_survive_writing_and_reading()
    {
        BatchItem[] items =
        [
            new BatchSingle(new BatchRequest("GET", "https://org.example/api/data/v9.2/accounts?$select=name&$top=2",
                new Dictionary<string, string> { ["Accept"] = "application/json", ["Prefer"] = "odata.maxpagesize=2" })),
            new BatchChangeSet(
            [
                new BatchRequest("POST", "accounts", Json, "1", BatchText.Utf8("""{"name":"Contoso","accountnumber":"A1"}""")),
                new BatchRequest("POST", "/api/data/v9.2/contacts", Json, "2",
                    BatchText.Utf8("""{"lastname":"Ng","parentcustomerid_account@odata.bind":"$1"}""")),
                new BatchRequest("PATCH", "$1", Json, "3", BatchText.Utf8("""{"primarycontactid@odata.bind":"$2"}""")),
            ]),
            new BatchSingle(new BatchRequest("DELETE", "accounts(00000000-0000-0000-0000-000000000001)",
                new Dictionary<string, string> { ["If-Match"] = "*" })),
        ];

        var read = await BatchText.RoundTripAsync(items);

        Assert.Equal(items, read);
        var changeSet = Assert.IsType<BatchChangeSet>(read[1]);
        Assert.Equal(["1", "2", "3"], changeSet.Requests.Select(r => r.ContentId));
        Assert.Equal(["accounts", "/api/data/v9.2/contacts", "$1"], changeSet.Requests.Select(r => r.Url));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"name\":\"Contoso\"}")]
    [InlineData("{\"name\":\"Åsa Öberg – 東京 ☃\"}")]
    [InlineData("line one\r\nline two\r\n\r\n--not-a-boundary\r\n")]
    [InlineData("\r\n")]
    [InlineData("ends with a bare newline\n")]
    public async Task A_body_comes_back_byte_for_byte(string body)
    {
        var request = new BatchRequest("POST", "accounts", Json, "1", BatchText.Utf8(body));
        BatchResponseItem[] responses = [new BatchSingleResponse(new BatchResponse(200, Json, null, BatchText.Utf8(body)))];

        var requests = await BatchText.RoundTripAsync([new BatchSingle(request), new BatchChangeSet([request])]);
        var answers = await BatchText.RoundTripAsync(responses);

        Assert.Equal(body, BatchText.Text(Assert.IsType<BatchSingle>(requests[0]).Request.Body));
        Assert.Equal(body, BatchText.Text(Assert.IsType<BatchChangeSet>(requests[1]).Requests[0].Body));
        Assert.Equal(body, BatchText.Text(Assert.IsType<BatchSingleResponse>(answers[0]).Response.Body));
    }

    [Fact]
    public async Task Responses_in_and_out_of_change_sets_survive_writing_and_reading()
    {
        var created = new Dictionary<string, string>
        {
            ["OData-Version"] = "4.0",
            ["OData-EntityId"] = "https://org.example/api/data/v9.2/accounts(00000000-0000-0000-0000-000000000001)",
        };
        BatchResponseItem[] items =
        [
            new BatchChangeSetResponse(
            [
                new BatchResponse(204, created, "1"),
                new BatchResponse(204, created, "2"),
            ]),
            new BatchSingleResponse(new BatchResponse(200,
                new Dictionary<string, string> { ["Content-Type"] = "application/json; odata.metadata=minimal" },
                null,
                BatchText.Utf8("""{"value":[{"name":"Ærø Ltd"}]}"""))),
            new BatchSingleResponse(new BatchResponse(400,
                new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                "3",
                BatchText.Utf8("""{"error":{"code":"0x80040237","message":"duplicate"}}"""))),
            new BatchChangeSetResponse([new BatchResponse(429, new Dictionary<string, string> { ["Retry-After"] = "5" })]),
        ];

        var read = await BatchText.RoundTripAsync(items);

        Assert.Equal(items, read);
        Assert.Equal(["1", "2"], Assert.IsType<BatchChangeSetResponse>(read[0]).Responses.Select(r => r.ContentId));
    }

    [Fact]
    public async Task An_empty_batch_and_an_empty_change_set_round_trip()
    {
        Assert.Empty(await BatchText.RoundTripAsync(Array.Empty<BatchItem>()));
        var read = await BatchText.RoundTripAsync([new BatchChangeSet([])]);
        Assert.Empty(Assert.IsType<BatchChangeSet>(Assert.Single(read)).Requests);
    }

    [Fact]
    public void Written_requests_use_fresh_boundaries_crlf_and_binary_parts()
    {
        BatchItem[] items =
        [
            new BatchChangeSet([new BatchRequest("POST", "accounts", Json, "1", BatchText.Utf8("{}"))]),
            new BatchSingle(new BatchRequest("GET", "accounts")),
        ];

        var text = BatchText.Text(BatchWriter.WriteRequests(items, out var contentType));
        BatchWriter.WriteRequests(items, out var secondContentType);

        var batch = BoundaryPattern("batch").Match(contentType);
        Assert.True(batch.Success, contentType);
        Assert.NotEqual(contentType, secondContentType);
        Assert.Matches(BoundaryPattern("changeset"), text);
        Assert.DoesNotMatch(BareLineFeed(), text);
        Assert.Equal(2, CountOf(text, "Content-Transfer-Encoding: binary\r\n"));
        Assert.Contains("Content-ID: 1\r\n\r\nPOST accounts HTTP/1.1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Content-Length: 2\r\n\r\n{}\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith($"--{batch.Groups[1].Value}--\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_responses_carry_status_lines_with_reason_phrases()
    {
        BatchResponseItem[] items =
        [
            new BatchChangeSetResponse([new BatchResponse(204, null, "1")]),
            new BatchSingleResponse(new BatchResponse(404)),
        ];

        var text = BatchText.Text(BatchWriter.WriteResponses(items, out var contentType));

        Assert.Matches(BoundaryPattern("batchresponse"), contentType);
        Assert.Matches(BoundaryPattern("changesetresponse"), text);
        Assert.Contains("Content-ID: 1\r\n\r\nHTTP/1.1 204 No Content\r\n", text, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 404 Not Found\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(BareLineFeed(), text);
    }

    [Fact]
    public void A_given_content_length_is_replaced_by_the_body_s_own()
    {
        var request = new BatchRequest("POST", "accounts",
            new Dictionary<string, string> { ["content-length"] = "999" }, null, BatchText.Utf8("é"));

        var text = BatchText.Text(BatchWriter.WriteRequests([new BatchSingle(request)], out _));

        Assert.Equal(1, CountOf(text, "Content-Length"));
        Assert.Contains("Content-Length: 2\r\n", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("GET", "accounts\r\nX-Forged: 1")]
    [InlineData("GE T", "accounts")]
    public void A_request_line_that_would_break_the_framing_is_refused(string method, string url) =>
        Assert.Throws<ArgumentException>(() =>
            BatchWriter.WriteRequests([new BatchSingle(new BatchRequest(method, url))], out _));

    [Fact]
    public void A_header_value_with_a_line_break_is_refused()
    {
        var request = new BatchRequest("GET", "accounts", new Dictionary<string, string> { ["Prefer"] = "a\r\nX-Forged: 1" });
        Assert.Throws<ArgumentException>(() => BatchWriter.WriteRequests([new BatchSingle(request)], out _));
    }

    [Fact]
    public void Header_names_compare_case_insensitively()
    {
        var request = new BatchRequest("GET", "accounts", new Dictionary<string, string> { ["Prefer"] = "odata.maxpagesize=5" });
        Assert.Equal("odata.maxpagesize=5", request.Headers["prefer"]);
    }

    private static Regex BoundaryPattern(string prefix) =>
        new($"boundary=({prefix}_[0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}})", RegexOptions.CultureInvariant);

    [GeneratedRegex("(?<!\r)\n")]
    private static partial Regex BareLineFeed();

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
