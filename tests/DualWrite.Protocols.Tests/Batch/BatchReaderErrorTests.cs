using DualWrite.Protocols.Batch;

namespace DualWrite.Protocols.Tests.Batch;

public sealed class BatchReaderErrorTests
{
    private const string ContentType = "multipart/mixed; boundary=b";

    private const string Get = """
        --b
        Content-Type: application/http
        Content-Transfer-Encoding: binary

        GET accounts HTTP/1.1


        """;

    [Fact]
    public async Task More_requests_than_the_limit_are_refused_at_the_first_one_over()
    {
        var items = Enumerable.Range(1, 1001).Select(i => new BatchSingle(new BatchRequest("GET", "accounts")));

        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.RoundTripAsync(items));

        Assert.Equal(1001, error.Part);
        Assert.Contains("batch part 1001", error.Message, StringComparison.Ordinal);
        Assert.Contains("more than 1000 requests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_in_change_sets_count_towards_the_limit()
    {
        BatchItem[] items =
        [
            new BatchSingle(new BatchRequest("GET", "accounts")),
            new BatchChangeSet([new BatchRequest("DELETE", "accounts(1)", null, "1"), new BatchRequest("DELETE", "accounts(2)", null, "2")]),
        ];

        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.RoundTripAsync(items, new BatchReader(2)));

        Assert.Equal("batch part 2, change set part 2: the batch holds more than 2 requests", error.Message);
    }

    [Theory]
    [InlineData("multipart/mixed")]
    [InlineData("multipart/mixed; charset=utf-8")]
    [InlineData("multipart/mixed; boundary=\"\"")]
    public async Task A_batch_content_type_without_a_boundary_is_refused(string contentType)
    {
        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.ReadRequestsAsync(Get + "--b--\n", contentType));

        Assert.Contains("has no boundary parameter", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Part);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("multipart/form-data; boundary=b")]
    public async Task A_batch_that_is_not_multipart_mixed_is_refused(string contentType)
    {
        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.ReadRequestsAsync(Get + "--b--\n", contentType));

        Assert.Contains("is not multipart/mixed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_boundary_the_body_never_uses_is_reported()
    {
        var error = await Assert.ThrowsAsync<BatchFormatException>(() =>
            BatchText.ReadRequestsAsync(Get + "--b--\n", "multipart/mixed; boundary=batch_other"));

        Assert.Contains("batch part 1: no delimiter line \"--batch_other\" was found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_without_its_closing_delimiter_is_reported()
    {
        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.ReadRequestsAsync(Get + Get, ContentType));

        Assert.StartsWith("batch part 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_set_without_a_boundary_is_reported_with_its_part()
    {
        const string text = """
            --b
            Content-Type: multipart/mixed

            --cs--
            --b--
            """;

        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.ReadRequestsAsync(Get + text, ContentType));

        Assert.StartsWith("batch part 2: the change set's Content-Type", error.Message, StringComparison.Ordinal);
        Assert.Contains("no boundary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_set_inside_a_change_set_is_refused()
    {
        const string text = """
            --b
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: application/http
            Content-ID: 1

            DELETE accounts(1) HTTP/1.1

            --outer
            Content-Type: multipart/mixed; boundary=inner

            --inner
            Content-Type: application/http

            DELETE accounts(2) HTTP/1.1

            --inner--
            --outer--
            --b--
            """;

        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.ReadRequestsAsync(text, ContentType));

        Assert.Equal((1, 2), (error.Part, error.ChangeSetPart));
        Assert.StartsWith("batch part 1, change set part 2: change sets do not nest", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Content-Type: application/json", "batch part 2: the part's Content-Type \"application/json\"")]
    [InlineData("X-Other: 1", "batch part 2: the part has no Content-Type")]
    public async Task A_part_that_is_not_application_http_is_refused(string mimeHeader, string expected)
    {
        var text = Get + $"--b\n{mimeHeader}\n\n{{\"name\":\"x\"}}\n--b--\n";

        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.ReadRequestsAsync(text, ContentType));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_set_part_that_is_not_application_http_is_refused()
    {
        const string text = """
            --b
            Content-Type: multipart/mixed; boundary=cs

            --cs
            Content-Type: text/plain

            hello
            --cs--
            --b--
            """;

        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.ReadRequestsAsync(text, ContentType));

        Assert.Equal("batch part 1, change set part 1: the part's Content-Type \"text/plain\" is not application/http", error.Message);
    }

    [Fact]
    public async Task An_encoded_part_is_refused()
    {
        const string text = """
            --b
            Content-Type: application/http
            Content-Transfer-Encoding: base64

            R0VUIGFjY291bnRzIEhUVFAvMS4x
            --b--
            """;

        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.ReadRequestsAsync(text, ContentType));

        Assert.StartsWith("batch part 1: Content-Transfer-Encoding \"base64\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET accounts", 1)]
    [InlineData("GET", 1)]
    [InlineData("GET accounts HTTP/1.1 extra", 1)]
    [InlineData("G+T accounts HTTP/1.1", 1)]
    [InlineData("GET  HTTP/1.1", 1)]
    [InlineData("\nGET accounts", 2)]
    public async Task A_malformed_request_line_is_reported_with_its_part_and_line(string requestLine, int line)
    {
        var text = Get + $"--b\nContent-Type: application/http\n\n{requestLine}\n\n--b--\n";

        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.ReadRequestsAsync(text, ContentType));

        Assert.Equal((2, line), (error.Part, error.Line));
        Assert.StartsWith($"batch part 2, line {line}: the request line", error.Message, StringComparison.Ordinal);
        Assert.Contains(requestLine.Trim('\n'), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_header_line_is_reported_with_its_line()
    {
        const string text = """
            --b
            Content-Type: multipart/mixed; boundary=cs

            --cs
            Content-Type: application/http
            Content-ID: 1

            POST accounts HTTP/1.1
            Content-Type: application/json
            this is not a header

            {}
            --cs--
            --b--
            """;

        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.ReadRequestsAsync(text, ContentType));

        Assert.Equal("batch part 1, change set part 1, line 3: the header line \"this is not a header\" is not \"Name: value\"", error.Message);
    }

    [Fact]
    public async Task A_content_length_longer_than_the_part_is_reported()
    {
        var text = Get + "--b\nContent-Type: application/http\n\nPOST accounts HTTP/1.1\nContent-Length: 50\n\n{}\n--b--\n";

        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.ReadRequestsAsync(text, ContentType));

        Assert.Equal("batch part 2, line 2: Content-Length is 50 but the body has only 2 bytes", error.Message);
    }

    [Fact]
    public async Task A_content_length_shorter_than_the_body_is_reported()
    {
        var text = "--b\nContent-Type: application/http\n\nPOST accounts HTTP/1.1\nContent-Length: 1\n\n{}\n--b--\n";

        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.ReadRequestsAsync(text, ContentType));

        Assert.Equal("batch part 1, line 2: Content-Length is 1 but the body has 2 bytes", error.Message);
    }

    [Fact]
    public async Task An_empty_part_is_reported()
    {
        var text = Get + "--b\nContent-Type: application/http\n\n\n--b--\n";

        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.ReadRequestsAsync(text, ContentType));

        Assert.Equal("batch part 2: the part holds no HTTP message", error.Message);
    }

    [Theory]
    [InlineData("HTTP/1.1 OK")]
    [InlineData("HTTP/1.1 20 OK")]
    [InlineData("200 OK")]
    [InlineData("HTTP/1.1 099 Low")]
    public async Task A_malformed_status_line_is_reported_with_its_part_and_line(string statusLine)
    {
        var text = $"--b\nContent-Type: application/http\n\n{statusLine}\n\n--b--\n";

        var error = await Assert.ThrowsAsync<BatchFormatException>(() => BatchText.ReadResponsesAsync(text, ContentType));

        Assert.Equal($"batch part 1, line 1: the status line \"{statusLine}\" is not \"HTTP/1.1 CODE REASON\"", error.Message);
    }

    [Fact]
    public void A_limit_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchReader(0));
}
