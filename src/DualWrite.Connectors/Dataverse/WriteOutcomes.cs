using System.Globalization;
using DualWrite.Protocols.Batch;

namespace DualWrite.Connectors.Dataverse;

/// <summary>The answers of a <c>$batch</c> of writes, one outcome per write, whichever shape the service answered in.</summary>
internal static class WriteOutcomes
{
    /// <summary>What OData answers for a request that depended on one that failed.</summary>
    public const int FailedDependency = 424;

    /// <param name="writes">Every write of the call.</param>
    /// <param name="first">The index of the first write this batch carried.</param>
    /// <param name="count">How many writes it carried.</param>
    /// <param name="responses">The batch's answers.</param>
    /// <param name="atomic">Whether the writes went as one change set.</param>
    public static IReadOnlyList<DataverseWriteOutcome> Read(
        IReadOnlyList<DataverseWrite> writes, int first, int count, IReadOnlyList<BatchResponseItem> responses, bool atomic) =>
        atomic ? ReadChangeSet(writes, first, count, responses) : ReadSingles(writes, first, count, responses);

    private static DataverseWriteOutcome[] ReadSingles(IReadOnlyList<DataverseWrite> writes, int first, int count, IReadOnlyList<BatchResponseItem> responses)
    {
        var singles = responses.Select(r => r is BatchSingleResponse single
            ? single.Response
            : throw new ConnectorException($"The $batch of {count} writes was answered with a change set where single answers were expected.")).ToArray();
        return Assign(writes, first, count, singles);
    }

    private static DataverseWriteOutcome[] ReadChangeSet(IReadOnlyList<DataverseWrite> writes, int first, int count, IReadOnlyList<BatchResponseItem> responses) =>
        responses switch
        {
            [BatchChangeSetResponse changeSet] when changeSet.Responses.All(r => r.StatusCode is >= 200 and < 300) =>
                changeSet.Responses.Count == count
                    ? Assign(writes, first, count, changeSet.Responses)
                    : throw new ConnectorException($"The change set of {count} writes was answered with {changeSet.Responses.Count} responses."),
            [BatchChangeSetResponse changeSet] when changeSet.Responses.Count > 0 =>
                RolledBack(writes, first, count, changeSet.Responses.First(r => r.StatusCode is < 200 or >= 300)),
            [BatchSingleResponse single] => RolledBack(writes, first, count, single.Response),
            _ => throw new ConnectorException($"The change set of {count} writes was answered with {responses.Count} parts where one was expected."),
        };

    /// <summary>Each answer to its write: by Content-ID, or, without one, in the order of the requests.</summary>
    private static DataverseWriteOutcome[] Assign(IReadOnlyList<DataverseWrite> writes, int first, int count, IReadOnlyList<BatchResponse> responses)
    {
        var outcomes = new DataverseWriteOutcome?[count];
        for (var position = 0; position < responses.Count; position++)
        {
            var index = IndexOf(responses[position].ContentId, first, count) ?? first + position;
            if (index - first < count && outcomes[index - first] is null)
            {
                outcomes[index - first] = Outcome(writes[index], index, responses[position]);
            }
        }

        return outcomes.Select((o, i) => o ?? new DataverseWriteOutcome(
            first + i,
            false,
            FailedDependency,
            $"{WriteRequest.Describe(writes[first + i])}: not run, because the service stopped the batch at an earlier failure",
            null)).ToArray();
    }

    /// <summary>Every write of a failed change set failed: the one the service names with its message, the others as rolled back.</summary>
    private static DataverseWriteOutcome[] RolledBack(IReadOnlyList<DataverseWrite> writes, int first, int count, BatchResponse failure)
    {
        var message = ServiceError.MessageOf(failure.Body, failure.StatusCode);
        var failing = IndexOf(failure.ContentId, first, count);
        var cause = failing is { } f ? $"{WriteRequest.Describe(writes[f])} (write {f}) failed: {message}" : $"the service refused it: {message}";
        return Enumerable.Range(first, count).Select(i => i == failing
            ? new DataverseWriteOutcome(i, false, failure.StatusCode, $"{WriteRequest.Describe(writes[i])}: {failure.StatusCode} {message}", null)
            : new DataverseWriteOutcome(
                i,
                false,
                failing is null ? failure.StatusCode : FailedDependency,
                $"{WriteRequest.Describe(writes[i])}: not written, because the transaction was rolled back: {cause}",
                null)).ToArray();
    }

    private static DataverseWriteOutcome Outcome(DataverseWrite write, int index, BatchResponse response)
    {
        if (response.StatusCode is < 200 or >= 300)
        {
            var message = ServiceError.MessageOf(response.Body, response.StatusCode);
            return new DataverseWriteOutcome(index, false, response.StatusCode, $"{WriteRequest.Describe(write)}: {response.StatusCode} {message}", null);
        }

        var id = RowUrls.IdOf(response.Headers.GetValueOrDefault("OData-EntityId")) ?? write.Key?.Id;
        return new DataverseWriteOutcome(index, true, response.StatusCode, null, id);
    }

    /// <summary>The write a Content-ID names (they are 1-based positions in the call), or null.</summary>
    private static int? IndexOf(string? contentId, int first, int count) =>
        int.TryParse(contentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id - 1 >= first && id - 1 < first + count
            ? id - 1
            : null;
}
