using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Environments.OData;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Dataverse;

internal sealed partial class DataverseService
{
    public const string UpsertMultiple = "Microsoft.Dynamics.CRM.UpsertMultiple";

    /// <summary>
    /// The <c>UpsertMultiple</c> action: many rows of one table in one request and one transaction, each addressed
    /// by <c>@odata.id</c>, its id, or the values of one of the table's alternate keys; all or none are written.
    /// </summary>
    private async Task<ODataResponse> UpsertMultipleAsync(ODataRequest request, TableSchema table, WriteTransaction transaction, CancellationToken cancellationToken)
    {
        using var document = ParseTargets(request.Body);
        if (!document.RootElement.TryGetProperty("Targets", out var targets) || targets.ValueKind != JsonValueKind.Array)
        {
            throw new ODataException(400, "0x80048d19", "UpsertMultiple takes {\"Targets\": [ … ]}, one object per row.");
        }

        var ids = new List<Guid>(targets.GetArrayLength());
        var index = 0;
        Guid BindTarget(FieldSchema lookup, string address) => Bind(request, lookup, address, transaction);
        foreach (var target in targets.EnumerateArray())
        {
            var values = DataverseJson.ReadBody(table, target, BindTarget);
            var address = AddressOf(table, target, values)
                ?? throw new ODataException(400, "0x80048d19", $"UpsertMultiple target {index} of {table.EntitySet} has no @odata.id, id or alternate key values to find its row by.");
            var (row, _) = await UpsertRowAsync(table, address, address.Find(Store, transaction), values, transaction, cancellationToken);
            ids.Add((Guid)row.Values[table.PrimaryIdField!]!);
            index++;
        }

        return ODataResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{request.ServiceRoot}$metadata#Microsoft.Dynamics.CRM.UpsertMultipleResponse");
            w.WriteStartArray("Ids");
            foreach (var id in ids)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static JsonDocument ParseTargets(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new ODataException(400, "0x80048d19", $"The request body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Where a target goes: its <c>@odata.id</c>, else its id, else the first alternate key it holds every value of.</summary>
    private static RowAddress? AddressOf(TableSchema table, JsonElement target, Row values)
    {
        if (target.TryGetProperty("@odata.id", out var odataId) && odataId.GetString() is { } text)
        {
            var path = ResourcePath.Parse(ServiceAddress.Split(text, ServicePath).Path);
            return path.KeyText is null ? null : RowAddress.Parse(table, path.KeyText);
        }

        if (values.GetValueOrDefault(table.PrimaryIdField!) is Guid id)
        {
            return new RowAddress(table, [table.PrimaryIdField!], [id]);
        }

        var key = table.AlternateKeys.FirstOrDefault(k => k.Fields.All(f => values.GetValueOrDefault(f) is not null));
        return key is null ? null : new RowAddress(table, key.Fields, key.Fields.Select(f => values[f]).ToArray());
    }
}
