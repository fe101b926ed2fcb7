using System.Globalization;
using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Protocols.Batch;

namespace DualWrite.Connectors.FinOps;

/// <summary>The answers to a <c>$batch</c> of writes, one outcome per write.</summary>
internal static class FinOpsBatchOutcomes
{
    private const int FailedDependency = 424;

    /// <summary>
    /// One change set: every write committed, or none. A failed change set is answered by one error; the write it
    /// names by Content-ID carries the service's message and the others say they went down with it.
    /// </summary>
    public static IEnumerable<WriteOutcome> OfChangeSet(IReadOnlyList<PreparedWrite> writes, IReadOnlyList<BatchResponseItem> answers)
    {
        switch (answers)
        {
            case [BatchChangeSetResponse changeSet] when changeSet.Responses.All(r => IsSuccess(r.StatusCode)):
                var byWrite = Match(writes, changeSet.Responses);
                return writes.Select(w => byWrite[w.Index] is { } response
                    ? Outcome(w, response)
                    : Unanswered(w, "F&O committed the change set but gave no answer for this write, so whether it was written is unknown."));
            case [BatchChangeSetResponse { Responses: var responses }] when responses.FirstOrDefault(r => !IsSuccess(r.StatusCode)) is { } failure:
                return RolledBack(writes, failure);
            case [BatchSingleResponse { Response: var failure }]:
                return RolledBack(writes, failure);
            default:
                return writes.Select(w => Unanswered(w, $"F&O gave {answers.Count} answers to one change set of {writes.Count} writes; whether they were committed is unknown."));
        }
    }

    /// <summary>Writes outside any change set, each answered on its own, in order.</summary>
    public static IEnumerable<WriteOutcome> OfSingles(IReadOnlyList<PreparedWrite> writes, IReadOnlyList<BatchResponseItem> answers)
    {
        var responses = answers.SelectMany(a => a switch
        {
            BatchSingleResponse single => [single.Response],
            BatchChangeSetResponse changeSet => changeSet.Responses,
            _ => [],
        }).ToArray();
        var byWrite = Match(writes, responses);
        return writes.Select(w => byWrite[w.Index] is { } response
            ? Outcome(w, response)
            : Unanswered(w, "F&O stopped the batch before this write, at an earlier failure, and did not run it."));
    }

    /// <summary>Answers by the Content-ID they carry, or by position where the service left it out.</summary>
    private static Dictionary<int, BatchResponse?> Match(IReadOnlyList<PreparedWrite> writes, IReadOnlyList<BatchResponse> responses)
    {
        var matched = writes.ToDictionary(w => w.Index, _ => (BatchResponse?)null);
        for (var i = 0; i < responses.Count; i++)
        {
            var index = IndexOf(responses[i]) ?? (i < writes.Count ? writes[i].Index : (int?)null);
            if (index is { } found && matched.ContainsKey(found))
            {
                matched[found] = responses[i];
            }
        }

        return matched;
    }

    private static IEnumerable<WriteOutcome> RolledBack(IReadOnlyList<PreparedWrite> writes, BatchResponse failure)
    {
        var message = ODataErrorBody.MessageOf(failure.Body, failure.StatusCode);
        var culprit = IndexOf(failure) is { } index ? writes.FirstOrDefault(w => w.Index == index) : null;
        return writes.Select(w =>
            ReferenceEquals(w, culprit) ? Failed(w, failure.StatusCode, message)
            : culprit is not null ? Failed(w, FailedDependency, $"Rolled back with the change set, because write {culprit.Describe()} failed: {message}")
            : Failed(w, failure.StatusCode, $"Rolled back with the change set, which failed: {message}"));
    }

    private static WriteOutcome Outcome(PreparedWrite write, BatchResponse response) =>
        IsSuccess(response.StatusCode)
            ? new WriteOutcome(write.Index, true, response.StatusCode, null, KeyAnswered(write, response) ?? write.Key, write.Table.EntitySet)
            : Failed(write, response.StatusCode, ODataErrorBody.MessageOf(response.Body, response.StatusCode));

    private static WriteOutcome Failed(PreparedWrite write, int status, string message) =>
        new(write.Index, false, status, message, write.Key, write.Table.EntitySet);

    private static WriteOutcome Unanswered(PreparedWrite write, string message) => Failed(write, FailedDependency, message);

    /// <summary>The key of a created row as the service stored it (it may fill in or normalise key fields).</summary>
    private static RowKey? KeyAnswered(PreparedWrite write, BatchResponse response)
    {
        if (write.Request.Method != "POST" || response.Body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            return FinOpsRowReader.KeyOf(write.Table, FinOpsRowReader.Read(write.Table, document.RootElement));
        }
        catch (Exception e) when (e is JsonException or ConnectorException)
        {
            // The row was created all the same; the key the request gave stands in.
            return null;
        }
    }

    private static int? IndexOf(BatchResponse response) =>
        int.TryParse(response.ContentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id - 1 : null;

    private static bool IsSuccess(int status) => status is >= 200 and < 300;
}
