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

        var type = $"Microsoft.Dynamics.CRM.{target.Name}";
        async Task WriteBodyAsync(Utf8JsonWriter writer, Func<ValueTask> sendSoFar)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Targets");
            foreach (var write in writes)
            {
                // Each target is the row's usual body, with its type and address in front.
                writer.WriteStartObject();
                writer.WriteString("@odata.type", type);
                writer.WriteString("@odata.id", RowUrls.Of(target, write.Key!));
                DataverseBody.WriteProperties(writer, schema, target, write.Values, write.Binds);
                writer.WriteEndObject();
                await sendSoFar();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var response = await transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, transport.Absolute($"{target.EntitySet}/Microsoft.Dynamics.CRM.UpsertMultiple"))
            {
                Content = new StreamedJsonContent(WriteBodyAsync),
            },
            idempotent: true,
            cancellationToken);
        using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return answer.RootElement.GetProperty("Ids").EnumerateArray().Select(e => e.GetGuid()).ToArray();
    }
}
