using DualWrite.Environments.Auth;
using DualWrite.Protocols.Batch;

namespace DualWrite.Environments.OData;

/// <summary>
/// Runs a <c>$batch</c>: requests outside change sets one by one, each change set as one transaction that
/// commits whole or not at all. Without <c>Prefer: odata.continue-on-error</c> the batch stops at the first failure.
/// </summary>
internal sealed class BatchProcessor(ODataService service, Principal caller, string serviceRoot, string servicePath, bool continueOnError)
{
    public async Task<ODataResponse> RunAsync(Stream body, string contentType, CancellationToken cancellationToken)
    {
        IReadOnlyList<BatchItem> items;
        try
        {
            items = await new BatchReader(service.MaxBatchRequests).ReadRequestsAsync(body, contentType, cancellationToken);
        }
        catch (BatchFormatException e)
        {
            return ODataResponse.Error(new ODataException(400, "0x80048d19", $"The $batch request is malformed: {e.Message}"));
        }

        var responses = new List<BatchResponseItem>();
        foreach (var item in items)
        {
            var (response, failed) = item switch
            {
                BatchChangeSet changeSet => await RunChangeSetAsync(changeSet, cancellationToken),
                BatchSingle single => await RunSingleAsync(single, cancellationToken),
                _ => throw new InvalidOperationException($"unknown batch item {item.GetType().Name}"),
            };
            responses.Add(response);
            if (failed && !continueOnError)
            {
                break;
            }
        }

        var written = BatchWriter.WriteResponses(responses, out var responseType);
        return new ODataResponse(200, new Dictionary<string, string> { ["Content-Type"] = responseType, ["OData-Version"] = "4.0" }, written);
    }

    private async Task<(BatchResponseItem, bool Failed)> RunSingleAsync(BatchSingle single, CancellationToken cancellationToken)
    {
        var response = await ExecuteAsync(single.Request, new Dictionary<string, string>(), null, cancellationToken);
        return (new BatchSingleResponse(ToBatchResponse(response, single.Request.ContentId)), !response.IsSuccess);
    }

    private async Task<(BatchResponseItem, bool Failed)> RunChangeSetAsync(BatchChangeSet changeSet, CancellationToken cancellationToken)
    {
        await using var transaction = await service.BeginAsync(caller, cancellationToken);
        var contentIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var responses = new List<BatchResponse>();
        foreach (var request in changeSet.Requests)
        {
            var response = await ExecuteAsync(request, contentIds, transaction, cancellationToken);
            if (!response.IsSuccess)
            {
                return (new BatchSingleResponse(ToBatchResponse(response, request.ContentId)), true);
            }

            if (request.ContentId is { } id && response.Headers.TryGetValue("OData-EntityId", out var entity))
            {
                contentIds[id] = entity;
            }

            responses.Add(ToBatchResponse(response, request.ContentId));
        }

        try
        {
            await service.CommitAsync(transaction, cancellationToken);
        }
        catch (ODataException e)
        {
            return (new BatchSingleResponse(ToBatchResponse(ODataResponse.Error(e), null)), true);
        }

        return (new BatchChangeSetResponse(responses), false);
    }

    private async Task<ODataResponse> ExecuteAsync(BatchRequest request, Dictionary<string, string> contentIds, Storage.WriteTransaction? transaction, CancellationToken cancellationToken)
    {
        ODataRequest operation;
        try
        {
            operation = ToODataRequest(request, contentIds);
        }
        catch (ODataException e)
        {
            return ODataResponse.Error(e);
        }

        return await service.ExecuteAsync(operation, transaction, cancellationToken);
    }

    private ODataRequest ToODataRequest(BatchRequest request, Dictionary<string, string> contentIds)
    {
        var url = request.Url;
        if (url.StartsWith('$'))
        {
            var end = url.IndexOfAny(['/', '?']);
            var id = end < 0 ? url[1..] : url[1..end];
            url = contentIds.TryGetValue(id, out var entity)
                ? entity + (end < 0 ? string.Empty : url[end..])
                : throw new ODataException(400, "0x80048d19", $"The Content-ID reference '${id}' does not name an earlier request of the change set.");
        }

        var (path, query) = ServiceAddress.Split(url, servicePath);
        return new ODataRequest(request.Method.ToUpperInvariant(), path, query, request.Headers, request.Body, caller, serviceRoot)
        {
            ContentIds = contentIds,
        };
    }

    private static BatchResponse ToBatchResponse(ODataResponse response, string? contentId) =>
        new(response.Status, response.Headers, contentId, response.Body);
}
