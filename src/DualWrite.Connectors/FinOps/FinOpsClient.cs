using DualWrite.Connectors.Http;
using DualWrite.Core.Schema;

namespace DualWrite.Connectors.FinOps;

/// <summary>
/// The runtime's client of an F&amp;O environment's OData service (<c>/data/</c>) and its sync hook admin API:
/// reads entities page by page across companies, reads rows by key, counts, writes through <c>$batch</c>
/// (atomic change sets or rows that succeed or fail on their own), registers sync hooks and reads entity keys
/// from <c>$metadata</c>. Values are typed by the F&amp;O environment schema: strings, <see cref="long"/>,
/// <see cref="decimal"/>, <see cref="bool"/>, dates, and enums as their <see cref="int"/> value.
/// </summary>
/// <remarks>
/// Throttling (429 with <c>Retry-After</c>) is waited out by the transport. Failures are
/// <see cref="ConnectorException"/>s whose messages name the entity, the key where there is one, and the
/// service's own message. The client keeps no state between calls, so one instance may serve concurrent
/// calls (several batches in flight, pages of several entities).
/// </remarks>
public sealed partial class FinOpsClient
{
    /// <summary>The most operations F&amp;O takes in one <c>$batch</c>.</summary>
    public const int MaxBatchOperations = 5_000;

    private readonly ODataTransport transport;
    private readonly EnvironmentSchema schema;

    /// <param name="transport">Calls the environment as the runtime's application user.</param>
    /// <param name="schema">The F&amp;O environment schema, which types the values read and written.</param>
    public FinOpsClient(ODataTransport transport, EnvironmentSchema schema)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(schema);
        this.transport = transport;
        this.schema = schema;
    }

    private TableSchema TableOf(string entity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        return FindTable(entity) ?? throw new ArgumentException($"The F&O schema {schema.Environment} has no entity '{entity}'.", nameof(entity));
    }

    private TableSchema? FindTable(string? entity) =>
        entity is null ? null : schema.FindByEntitySet(entity) ?? schema.FindTable(entity);

    /// <summary>Restates a transport failure with what was being done, keeping the status and the service's code.</summary>
    private static ConnectorException Failure(string what, ConnectorException e) => new($"{what}: {e.Message}", e.Status, e.Code, e);
}
