using System.Net.Http.Headers;
using DualWrite.Protocols.Batch;

namespace DualWrite.Connectors.FinOps;

public sealed partial class FinOpsClient
{
    /// <summary>
    /// Writes rows through one <c>$batch</c>. Atomic: one change set, committed whole or not at all; when it
    /// fails every outcome is failed, the write that failed carrying the service's message and the others saying
    /// they were rolled back with it. Not atomic: each write stands alone (<c>Prefer: odata.continue-on-error</c>)
    /// and succeeds or fails on its own; more than <see cref="MaxBatchOperations"/> of them go in several batches.
    /// </summary>
    /// <param name="writes">The writes, in the order they are to be applied.</param>
    /// <param name="atomic">Whether the writes form one transaction.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>One outcome per write, in the order of <paramref name="writes"/>.</returns>
    /// <exception cref="ArgumentException">A write lacks its key or values, names an unknown entity, or an atomic call holds more than <see cref="MaxBatchOperations"/> writes.</exception>
    /// <exception cref="ConnectorException">
    /// The batch as a whole failed: refused, malformed, or sent without an answer, in which case whether it was
    /// applied is unknown (a batch is never sent twice for lack of an answer, because creates are not idempotent).
    /// </exception>
    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(IReadOnlyList<FinOpsWrite> writes, bool atomic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (atomic && writes.Count > MaxBatchOperations)
        {
            throw new ArgumentException(
                $"An atomic write of {writes.Count} rows exceeds the {MaxBatchOperations} operations F&O takes in one change set; split the transaction, or write the rows one by one.",
                nameof(writes));
        }

        var prepared = new PreparedWrite[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i] ?? throw new ArgumentException($"Write #{i} is null.", nameof(writes));
            var table = FindTable(write.Entity)
                ?? throw new ArgumentException($"Write #{i} is for '{write.Entity}', an entity the F&O schema {schema.Environment} does not have.", nameof(writes));
            prepared[i] = FinOpsBatchRequests.Prepare(table, write, i);
        }

        var outcomes = new List<WriteOutcome>(writes.Count);
        foreach (var chunk in prepared.Chunk(MaxBatchOperations))
        {
            IReadOnlyList<BatchItem> items = atomic
                ? [new BatchChangeSet(chunk.Select(w => w.Request))]
                : chunk.Select(w => new BatchSingle(w.Request)).ToArray();
            var answers = await SendBatchAsync(items, chunk, continueOnError: !atomic, cancellationToken);
            outcomes.AddRange(atomic ? FinOpsBatchOutcomes.OfChangeSet(chunk, answers) : FinOpsBatchOutcomes.OfSingles(chunk, answers));
        }

        return outcomes;
    }

    private async Task<IReadOnlyList<BatchResponseItem>> SendBatchAsync(
        IReadOnlyList<BatchItem> items, IReadOnlyList<PreparedWrite> writes, bool continueOnError, CancellationToken cancellationToken)
    {
        var body = BatchWriter.WriteRequests(items, out var contentType);
        var url = transport.Absolute("$batch");
        var what = Describe(writes);
        HttpResponseMessage response;
        try
        {
            // Not idempotent: a batch that got no answer may have been committed, so it is not sent again. A 429
            // is still waited out and retried by the transport, because a throttled batch was never run.
            response = await transport.SendAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("multipart/mixed"));
                    request.Headers.TryAddWithoutValidation("OData-Version", "4.0");
                    if (continueOnError)
                    {
                        request.Headers.TryAddWithoutValidation("Prefer", "odata.continue-on-error");
                    }

                    return request;
                },
                idempotent: false,
                cancellationToken);
        }
        catch (ConnectorException e)
        {
            throw Failure($"Writing {what}", e);
        }

        using (response)
        {
            var responseType = response.Content.Headers.ContentType?.ToString() ?? string.Empty;
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            try
            {
                return await new BatchReader(MaxBatchOperations).ReadResponsesAsync(stream, responseType, cancellationToken);
            }
            catch (BatchFormatException e)
            {
                throw new ConnectorException(
                    $"Writing {what}: F&O answered {(int)response.StatusCode} but its batch answer cannot be read, so whether the rows were written is unknown: {e.Message}",
                    (int)response.StatusCode,
                    inner: e);
            }
        }
    }

    /// <summary>Names the rows of a batch in a message: the one, or how many of which entities.</summary>
    private static string Describe(IReadOnlyList<PreparedWrite> writes) => writes.Count == 1
        ? writes[0].Describe()
        : $"{writes.Count} rows ({string.Join(", ", writes.GroupBy(w => w.Table.EntitySet).Select(g => $"{g.Count()} {g.Key}"))}) from #{writes[0].Index}";
}
