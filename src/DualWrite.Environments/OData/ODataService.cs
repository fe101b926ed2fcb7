using DualWrite.Environments.Auth;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.OData;

/// <summary>
/// What both environments share: running an operation alone (in a transaction of its own) or inside a change
/// set, turning refusals into OData errors, and letting the environment act just before and after a commit.
/// </summary>
internal abstract class ODataService(EnvironmentStore store, TimeSpan writeWait)
{
    public EnvironmentStore Store { get; } = store;

    /// <summary>The largest <c>$batch</c> the service takes.</summary>
    public abstract int MaxBatchRequests { get; }

    public async Task<ODataResponse> ExecuteAsync(ODataRequest request, WriteTransaction? changeSet, CancellationToken cancellationToken)
    {
        try
        {
            if (request.Method == "GET" || changeSet is not null)
            {
                return await HandleAsync(request, changeSet, cancellationToken);
            }

            await using var transaction = await BeginAsync(request.Caller, cancellationToken);
            var response = await HandleAsync(request, transaction, cancellationToken);
            if (response.IsSuccess)
            {
                await CommitAsync(transaction, cancellationToken);
            }

            return response;
        }
        catch (ODataException e)
        {
            return ODataResponse.Error(e);
        }
        catch (StorageException e)
        {
            return ODataResponse.Error(StorageErrors.ToOData(e));
        }
    }

    public Task<WriteTransaction> BeginAsync(Principal caller, CancellationToken cancellationToken) =>
        Store.BeginWriteAsync(new WriteActor(caller.ClientId, caller.UserId), writeWait, cancellationToken);

    /// <summary>Gives the environment its say (hooks), then commits; a refusal leaves the transaction to roll back.</summary>
    public async Task CommitAsync(WriteTransaction transaction, CancellationToken cancellationToken)
    {
        await BeforeCommitAsync(transaction, cancellationToken);
        transaction.Commit();
        AfterCommit(transaction);
        foreach (var work in transaction.AfterCommit)
        {
            _ = Task.Run(work, CancellationToken.None);
        }
    }

    /// <summary>Handles one operation; writes use <paramref name="transaction"/>, which is null only for reads.</summary>
    protected abstract Task<ODataResponse> HandleAsync(ODataRequest request, WriteTransaction? transaction, CancellationToken cancellationToken);

    protected virtual Task BeforeCommitAsync(WriteTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual void AfterCommit(WriteTransaction transaction)
    {
    }

    /// <summary>The service document: every entity set the service has.</summary>
    protected ODataResponse ServiceDocument(ODataRequest request) => ODataResponse.Json(200, w =>
    {
        w.WriteStartObject();
        w.WriteString("@odata.context", request.ServiceRoot + "$metadata");
        w.WriteStartArray("value");
        foreach (var table in Store.Schema.Tables)
        {
            w.WriteStartObject();
            w.WriteString("name", table.EntitySet);
            w.WriteString("kind", "EntitySet");
            w.WriteString("url", table.EntitySet);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    protected static WriteTransaction RequireTransaction(WriteTransaction? transaction) =>
        transaction ?? throw new InvalidOperationException("a write reached the service without a transaction");
}
