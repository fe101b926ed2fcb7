using System.Text;
using System.Text.Json;
using DualWrite.Connectors.Http;

namespace DualWrite.Connectors.Tests.Http;

public sealed class ODataCollectionReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100_000)]
    public async Task Entities_come_out_one_by_one_however_the_answer_is_cut_into_reads(int bytesPerRead)
    {
        // Annotations before and after the rows, nested values inside them, and a row wider than the first buffer.
        var wide = new string('x', 100_000);
        var json = $$$"""
            {"@odata.context":"$metadata#accounts","@odata.count":3,"@extra":{"a":[1,{"b":"}"}]},"value":[
              {"name":"A \"quoted\" {brace}","n":1,"nested":{"x":[1,2]}},
              {"name":"{{{wide}}}","n":2},
              {"name":"C","n":3}
            ],"@odata.nextLink":"https://host/api/accounts?$skiptoken=3"}
            """;

        var (names, next) = await ReadAllAsync(json, bytesPerRead);

        Assert.Equal(["A \"quoted\" {brace}", wide, "C"], names);
        Assert.Equal("https://host/api/accounts?$skiptoken=3", next);
    }

    [Fact]
    public async Task A_next_link_before_the_rows_is_kept_and_a_last_page_has_none()
    {
        var (names, next) = await ReadAllAsync("""{"@odata.nextLink":"next","value":[{"name":"A"}]}""", 3);
        Assert.Equal(["A"], names);
        Assert.Equal("next", next);

        var (none, last) = await ReadAllAsync("""{"value":[]}""", 3);
        Assert.Empty(none);
        Assert.Null(last);
    }

    [Theory]
    [InlineData("""{"error":{"message":"no"}}""")]
    [InlineData("""[{"name":"A"}]""")]
    [InlineData("""{"value":{"name":"A"}}""")]
    public async Task An_answer_that_is_not_a_collection_is_a_connector_failure(string json)
    {
        await Assert.ThrowsAsync<ConnectorException>(() => ReadAllAsync(json, 5));
    }

    [Fact]
    public async Task An_answer_cut_off_in_the_middle_is_not_json()
    {
        await Assert.ThrowsAnyAsync<JsonException>(() => ReadAllAsync("""{"value":[{"name":"A"},{"name":""", 5));
    }

    private static async Task<(string[] Names, string? NextLink)> ReadAllAsync(string json, int bytesPerRead)
    {
        var response = new HttpResponseMessage { Content = new StreamContent(new TrickleStream(Encoding.UTF8.GetBytes(json), bytesPerRead)) };
        await using var reader = await ODataCollectionReader.OpenAsync(response, CancellationToken.None);
        var names = new List<string>();
        while (await reader.ReadAsync(CancellationToken.None) is { } entity)
        {
            using (entity)
            {
                names.Add(entity.RootElement.GetProperty("name").GetString()!);
            }
        }

        return (names.ToArray(), reader.NextLink);
    }

    /// <summary>A body that arrives a few bytes at a time, as a slow network hands it over.</summary>
    private sealed class TrickleStream(byte[] bytes, int bytesPerRead) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, bytesPerRead));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, bytesPerRead)], cancellationToken);
    }
}
