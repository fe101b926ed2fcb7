using DualWrite.Core.Schema;
using DualWrite.Environments.Auth;
using DualWrite.Environments.Dataverse.Webhooks;
using DualWrite.Environments.Hosting;
using DualWrite.Environments.OData;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Dataverse;

/// <summary>
/// The Dataverse Web API under <c>/api/data/v9.2/</c>: tables by entity set, rows by id or alternate key,
/// create, upsert and delete with lookups bound by address, expansion of lookups, change tracking, table
/// definitions, and webhook steps fired inside each operation.
/// </summary>
internal sealed partial class DataverseService(
    EnvironmentStore store,
    WebhookDispatcher webhooks,
    WebhookSteps steps,
    DataverseMetadata metadata,
    EnvironmentOptions options)
    : ODataService(store, options.WriteWait)
{
    public const string ServicePath = "/api/data/v9.2/";
    private const int MaxPageSize = 5_000;

    public override int MaxBatchRequests => 1_000;

    protected override async Task<ODataResponse> HandleAsync(ODataRequest request, WriteTransaction? transaction, CancellationToken cancellationToken)
    {
        switch (request.Path)
        {
            case "$metadata" when request.Method == "GET":
                return ODataResponse.Text(200, "application/xml", metadata.Csdl);
            case "" when request.Method == "GET":
                return ServiceDocument(request);
            case "WhoAmI" or "WhoAmI()" when request.Method == "GET":
                return WhoAmI(request.Caller);
        }

        var path = ResourcePath.Parse(request.Path);
        if (path.Name == "EntityDefinitions" && request.Method == "GET")
        {
            return EntityDefinitions.Handle(request, path, Store.Schema);
        }

        var table = Store.Schema.FindByEntitySet(path.Name)
            ?? throw new ODataException(404, "0x80060888", $"Resource not found for the segment '{path.Name}'.");
        if (request.Method != "GET" && !CanWrite(request.Caller))
        {
            throw new ODataException(403, "0x80040220", $"The principal {request.Caller} lacks the privilege to {request.Method} {table.EntitySet}: it holds only the roles {string.Join(", ", request.Caller.Roles)}.");
        }

        if (request.Method != "GET" && WebhookSteps.Tables.Contains(table.Name) && !request.Caller.Roles.Contains(EnvironmentRoles.SystemAdministrator))
        {
            throw new ODataException(403, "0x80040220", $"The principal {request.Caller} lacks the privilege to {request.Method} {table.EntitySet}: registering webhooks needs the {EnvironmentRoles.SystemAdministrator} role.");
        }

        return (request.Method, path.KeyText, path.Rest) switch
        {
            ("GET", null, []) => ReadCollection(request, table),
            ("GET", null, ["$count"]) => Count(table),
            ("GET", not null, []) => ReadOne(request, table, path.KeyText),
            ("POST", null, []) => await CreateAsync(request, table, RequireTransaction(transaction), cancellationToken),
            ("POST", null, [UpsertMultiple]) => await UpsertMultipleAsync(request, table, RequireTransaction(transaction), cancellationToken),
            ("PATCH", not null, []) => await UpsertAsync(request, table, path.KeyText, RequireTransaction(transaction), cancellationToken),
            ("DELETE", not null, []) => await DeleteAsync(request, table, path.KeyText, RequireTransaction(transaction), cancellationToken),
            _ => throw new ODataException(405, "0x80060888", $"{request.Method} is not supported on '{request.Path}'."),
        };
    }

    protected override void AfterCommit(WriteTransaction transaction)
    {
        if (transaction.Changes.Any(c => WebhookSteps.Tables.Contains(c.Table)))
        {
            steps.Invalidate();
        }
    }

    private static bool CanWrite(Principal caller) =>
        caller.Roles.Contains(EnvironmentRoles.SystemAdministrator) || caller.Roles.Contains(EnvironmentRoles.ApplicationUser);

    private static ODataResponse WhoAmI(Principal caller) => ODataResponse.Json(200, w =>
    {
        w.WriteStartObject();
        w.WriteString("BusinessUnitId", WebhookDispatcher.BusinessUnitId);
        w.WriteString("UserId", caller.UserId);
        w.WriteString("OrganizationId", WebhookDispatcher.OrganizationId);
        w.WriteEndObject();
    });

    private static ODataException NotFound(RowAddress address) => address.IsById
        ? new ODataException(404, "0x80040217", $"{address.Table.Name} With Id = {address.Values[0]} Does Not Exist")
        : new ODataException(404, "0x80040217", $"A record with the specified key values does not exist in {address.Table.Name} entity ({address}).");

    private static FieldSchema? Resolve(TableSchema table, string name) => DataverseFields.Resolve(table, name);
}
