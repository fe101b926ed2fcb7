using System.Globalization;
using System.Net.Http.Headers;
using DualWrite.Protocols.Batch;

namespace DualWrite.Connectors.Dataverse;

public sealed partial class DataverseClient
{
    /// <summary>
    /// Carries out the writes in one <c>$batch</c>. Atomic: one change set, all or nothing; when it fails every
    /// outcome is a failure, the failing write's with the service's message. Not atomic: each write on its own
    /// (<c>Prefer: odata.continue-on-error</c>), so one failure leaves the others written; more than
    /// <see cref="MaxBatchRequests"/> such writes go in as many batches as needed. A failure of the whole batch
    /// (no answer, refused, throttled beyond the retries) is thrown.
    /// </summary>
    /// <returns>One outcome per write, in the order given.</returns>
    public async Task<IReadOnlyList<DataverseWriteOutcome>> WriteAsync(IReadOnlyList<DataverseWrite> writes, bool atomic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return [];
        }

        // One change set is one transaction, and a transaction cannot be split across batches.
        if (atomic && writes.Count > MaxBatchRequests)
        {
            throw new ArgumentException(
                $"{writes.Count} writes cannot go as one transaction: a Dataverse $batch holds at most {MaxBatchRequests} requests",
                nameof(writes));
        }

        // Every request is built before any is sent, so that a write the client refuses leaves nothing half-done.
        var requests = writes.Select((w, i) => WriteRequest.Build(schema, transport.Absolute, w, (i + 1).ToString(CultureInfo.InvariantCulture))).ToArray();
        var outcomes = new List<DataverseWriteOutcome>(writes.Count);
        for (var first = 0; first < requests.Length; first += MaxBatchRequests)
        {
            var chunk = requests[first..Math.Min(first + MaxBatchRequests, requests.Length)];
            BatchItem[] items = atomic ? [new BatchChangeSet(chunk)] : [.. chunk.Select(r => new BatchSingle(r))];
            var responses = await SendBatchAsync(items, continueOnError: !atomic, Describe(writes, first, chunk.Length), cancellationToken);
            outcomes.AddRange(WriteOutcomes.Read(writes, first, chunk.Length, responses, atomic));
        }

        return outcomes;
    }

    private async Task<IReadOnlyList<BatchResponseItem>> SendBatchAsync(IReadOnlyList<BatchItem> items, bool continueOnError, string doing, CancellationToken cancellationToken)
    {
        var body = BatchWriter.WriteRequests(items, out var contentType);
        try
        {
            // A batch may have been carried out when no answer came, so it is sent again only after a 429 or 503.
            using var response = await transport.SendAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, transport.Absolute("$batch")) { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    request.Headers.TryAddWithoutValidation("OData-Version", "4.0");
                    request.Headers.TryAddWithoutValidation("OData-MaxVersion", "4.0");
                    if (continueOnError)
                    {
                        request.Headers.TryAddWithoutValidation("Prefer", "odata.continue-on-error");
                    }

                    return request;
                },
                idempotent: false,
                cancellationToken);
            var responseType = response.Content.Headers.ContentType?.ToString()
                ?? throw new ConnectorException($"{doing}: the $batch answer has no Content-Type.");
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await new BatchReader(MaxBatchRequests).ReadResponsesAsync(stream, responseType, cancellationToken);
        }
        catch (ConnectorException e)
        {
            throw Failure(doing, e);
        }
        catch (BatchFormatException e)
        {
            throw new ConnectorException($"{doing}: the $batch answer cannot be read: {e.Message}", inner: e);
        }
    }

    private static string Describe(IReadOnlyList<DataverseWrite> writes, int first, int count)
    {
        var tables = writes.Skip(first).Take(count).Select(w => w.Table).Distinct(StringComparer.OrdinalIgnoreCase);
        return $"Writing {count} row{(count == 1 ? string.Empty : "s")} of {string.Join(", ", tables)}";
    }
}
