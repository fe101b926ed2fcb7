using System.Net.Http.Headers;
using System.Text;
using DualWrite.Core.Rows;

namespace DualWrite.Connectors.Dataverse;

public sealed partial class DataverseClient
{
    private const string CompanyTable = "cdm_company";
    private const string CompanyCode = "cdm_companycode";
    private const string CompanyName = "cdm_name";

    /// <summary>The id of the <c>cdm_company</c> row with this code (compared without regard to case), or null.</summary>
    public Task<Guid?> CompanyIdAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return FindIdAsync(CompanyTable, new Dictionary<string, object?> { [CompanyCode] = code }, cancellationToken);
    }

    /// <summary>
    /// The id of the company with this code, creating it (upsert by its alternate key, so that two callers at
    /// once still make one row) when it is missing. An existing company is left as it is.
    /// </summary>
    public async Task<Guid> EnsureCompanyAsync(string code, string? name, CancellationToken cancellationToken)
    {
        if (await CompanyIdAsync(code, cancellationToken) is { } existing)
        {
            return existing;
        }

        var table = Table(CompanyTable);
        var key = DataverseKey.ByAlternateKey((CompanyCode, code));
        var values = new Row();
        if (name is not null)
        {
            values[CompanyName] = name;
        }

        var body = DataverseBody.Write(schema, table, values, null);
        string? entityId;
        try
        {
            // Upsert by key twice is the same as once, so it may be sent again after no answer.
            using var response = await transport.SendAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Patch, transport.Absolute(RowUrls.Of(table, key))) { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
                    return request;
                },
                idempotent: true,
                cancellationToken);
            entityId = response.Headers.TryGetValues("OData-EntityId", out var ids) ? ids.FirstOrDefault() : null;
        }
        catch (ConnectorException e)
        {
            throw Failure($"Creating the company {key}", e);
        }

        return RowUrls.IdOf(entityId)
            ?? await CompanyIdAsync(code, cancellationToken)
            ?? throw new ConnectorException($"Creating the company {key}: the service answered but the company cannot be found.");
    }
}
