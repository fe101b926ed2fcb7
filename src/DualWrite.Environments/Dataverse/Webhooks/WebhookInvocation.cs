using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Dataverse.Webhooks;

/// <summary>One step fired by one operation: everything its execution context says.</summary>
internal sealed record WebhookInvocation(
    WebhookStep Step,
    string Message,
    TableSchema Table,
    Row Target,
    StoredRow After,
    StoredRow? Before,
    Guid UserId,
    Guid CorrelationId,
    Guid OperationId,
    Guid OrganizationId,
    Guid BusinessUnitId,
    DateTimeOffset At);
