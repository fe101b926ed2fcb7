using DualWrite.Connectors.Http;
using DualWrite.Core.Schema;

namespace DualWrite.Connectors.Dataverse;

/// <summary>
/// The runtime's client of the Dataverse Web API: pages of rows with lookups expanded, rows by id or alternate
/// key, writes in <c>$batch</c> change sets, companies, webhooks and table definitions. Tables are named by
/// their logical name; the schema says what they are called on the wire and types every value read.
/// </summary>
public sealed partial class DataverseClient
{
    /// <summary>The most requests Dataverse takes in one <c>$batch</c>.</summary>
    public const int MaxBatchRequests = 1_000;

    private readonly ODataTransport transport;
    private readonly EnvironmentSchema schema;

    public DataverseClient(ODataTransport transport, EnvironmentSchema schema)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(schema);
        this.transport = transport;
        this.schema = schema;
    }

    private TableSchema Table(string table)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        return schema.FindTable(table) ?? throw new ArgumentException($"Dataverse has no table '{table}'", nameof(table));
    }

    /// <summary>A failure of the transport restated with what was being done, keeping the service's status and code.</summary>
    private static ConnectorException Failure(string doing, ConnectorException e) => new($"{doing}: {e.Message}", e.Status, e.Code, e);
}
