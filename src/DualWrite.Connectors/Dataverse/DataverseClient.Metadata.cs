using DualWrite.Connectors.Http;

namespace DualWrite.Connectors.Dataverse;

public sealed partial class DataverseClient
{
    /// <summary>
    /// The table as the service defines it (<c>EntityDefinitions</c> with attributes and keys), whether or not the
    /// schema this client was built with knows it: this is how a health check sees what the service really has.
    /// </summary>
    public async Task<DataverseTableDefinition> ReadDefinitionAsync(string table, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        var url = $"EntityDefinitions(LogicalName={ODataLiteral.Escaped(table)})?$expand=Attributes,Keys";
        using var definition = await GetAsync(url, null, $"Reading the definition of {table}", cancellationToken);
        return TableDefinitionJson.Read(table, definition.RootElement);
    }
}
