using DualWrite.Protocols.Batch;

namespace DualWrite.Protocols.Tests.Batch;

public sealed class BatchReaderLeniencyTests
{
    private const string ContentType = "multipart/mixed; boundary=b";

    [Fact]
    public async Task Content_length_bounds_the_body_and_trailing_blank_lines_are_tolerated()
    {
        const string text = """
            --b
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            POST accounts HTTP/1.1
            Content-Type: text/plain
            Content-Length: 6

            a
            b


            --b--
            """;

        var request = await SingleRequestAsync(text);

        Assert.Equal("a\r\nb\r\n", BatchText.Text(request.Body));
        Assert.False(request.Headers.ContainsKey("Content-Length"));
    }

    [Fact]
    public async Task Without_content_length_the_body_runs_to_the_end_of_the_part()
    {
        const string text = """
            --b
            Content-Type: application/http

            POST accounts HTTP/1.1
            Content-Type: text/plain

            first

            last



            --b--
            """;

        var request = await SingleRequestAsync(text);

        Assert.Equal("first\r\n\r\nlast", BatchText.Text(request.Body));
    }

    [Fact]
    public async Task A_content_id_among_the_request_headers_is_taken_when_the_part_has_none()
    {
        const string text = """
            --b
            Content-Type: multipart/mixed; boundary=cs

            --cs
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            POST accounts HTTP/1.1
            Content-ID: 7
            Content-Type: application/json

            {}
            --cs
            Content-Type: application/http
            Content-Transfer-Encoding: binary
            Content-ID: 8

            DELETE $7 HTTP/1.1
            Content-ID: 99

            --cs--
            --b--
            """;

        var items = await BatchText.ReadRequestsAsync(text, ContentType);

        var requests = Assert.IsType<BatchChangeSet>(Assert.Single(items)).Requests;
        Assert.Equal("7", requests[0].ContentId);
        Assert.False(requests[0].Headers.ContainsKey("Content-ID"));
        Assert.Equal("8", requests[1].ContentId);
        Assert.Equal("$7", requests[1].Url);
    }

    [Fact]
    public async Task Bare_line_feeds_inside_the_http_message_are_accepted()
    {
        var body = "--b\r\nContent-Type: application/http\r\n\r\nGET accounts HTTP/1.1\nAccept: application/json\n\n\r\n--b--\r\n";
        using var stream = new MemoryStream(BatchText.Utf8(body));

        var items = await new BatchReader().ReadRequestsAsync(stream, ContentType);

        var request = Assert.IsType<BatchSingle>(Assert.Single(items)).Request;
        Assert.Equal("accounts", request.Url);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task A_message_without_a_blank_line_after_its_headers_has_an_empty_body()
    {
        var request = await SingleRequestAsync("--b\nContent-Type: application/http\n\nGET accounts HTTP/1.1\nAccept: */*\n--b--\n");

        Assert.Equal("*/*", request.Headers["Accept"]);
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task Repeated_and_folded_headers_are_combined()
    {
        const string text = """
            --b
            Content-Type: application/http


            GET accounts HTTP/1.1
            Prefer: odata.maxpagesize=10
            Prefer: odata.include-annotations="*"
            X-Note: first
              second

            --b--
            """;

        var request = await SingleRequestAsync(text);

        Assert.Equal("odata.maxpagesize=10, odata.include-annotations=\"*\"", request.Headers["Prefer"]);
        Assert.Equal("first second", request.Headers["X-Note"]);
    }

    [Fact]
    public async Task A_preamble_and_an_epilogue_are_ignored()
    {
        var request = await SingleRequestAsync("preamble text\n--b\nContent-Type: application/http\n\nGET accounts HTTP/1.1\n\n--b--\nepilogue\n");

        Assert.Equal("GET", request.Method);
    }

    [Fact]
    public async Task A_batch_of_the_configured_limit_is_read()
    {
        var requests = Enumerable.Range(1, 1000).Select(i => new BatchRequest("GET", $"accounts?$skiptoken={i}"));
        BatchItem[] items = [new BatchChangeSet(requests.Take(400)), .. requests.Skip(400).Select(r => new BatchSingle(r))];

        var read = await BatchText.RoundTripAsync(items);

        Assert.Equal(1000, read.Sum(i => i.RequestCount));
    }

    [Fact]
    public async Task A_reader_set_for_finance_and_operations_reads_up_to_5000_requests()
    {
        var items = Enumerable.Range(1, 5000).Select(i => new BatchSingle(new BatchRequest("GET", $"CustomersV3?$skip={i}"))).ToArray();

        var read = await BatchText.RoundTripAsync(items, new BatchReader(5000));

        Assert.Equal(5000, read.Count);
    }

    private static async Task<BatchRequest> SingleRequestAsync(string text)
    {
        var items = await BatchText.ReadRequestsAsync(text, ContentType);
        return Assert.IsType<BatchSingle>(Assert.Single(items)).Request;
    }
}
