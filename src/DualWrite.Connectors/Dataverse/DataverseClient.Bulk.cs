using System.Net.Http.Headers;
using System.Text.Json;
using DualWrite.Connectors.Http;

namespace DualWrite.Connectors.Dataverse;

public sealed partial class DataverseClient
{
    /// <summary>
    /// Upserts many rows of one table in one request and one transaction (the <c>UpsertMultiple</c> action):
    /// all are written, or, when the service refuses one, none, and the exception carries its message.
    /// </summary>
    /// <param name="table">The table's logical name.</param>
    /// <param name="writes">Upserts of that table, each by id or alternate key.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The ids of the rows, in the order given.</returns>
    public async Task<IReadOnlyList<Guid>> UpsertMultipleAsync(string table, IReadOnlyList<DataverseWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var target = Table(table);
        if (writes.Any(w => w.Operation != DataverseOperation.Upsert || w.Key is null || !string.Equals(Table(w.Table).Name, target.Name, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"UpsertMultiple takes upserts of {target.Name} by key only", nameof(writes));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Targets");
            var type = $"Microsoft.Dynamics.CRM.{target.Name}";
            foreach (var write in writes)
            {
                // Each target is the row's usual body, with its type and address in front.
                writer.WriteStartObject();
                writer.WriteString("@odata.type", type);
                writer.WriteString("@odata.id", RowUrls.Of(target, write.Key!));
                DataverseBody.WriteProperties(writer, schema, target, write.Values, write.Binds);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        // The body is sent from the buffer it was written to: a copy of a body of hundreds of rows is one more large object.
        var content = buffer.GetBuffer();
        var length = (int)buffer.Length;
        using var response = await transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, transport.Absolute($"{target.EntitySet}/Microsoft.Dynamics.CRM.UpsertMultiple"))
            {
                Content = new ByteArrayContent(content, 0, length) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            },
            idempotent: true,
            cancellationToken);
        using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return answer.RootElement.GetProperty("Ids").EnumerateArray().Select(e => e.GetGuid()).ToArray();
    }
}
