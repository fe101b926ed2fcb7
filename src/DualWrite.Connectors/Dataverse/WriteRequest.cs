using DualWrite.Core.Schema;
using DualWrite.Protocols.Batch;

namespace DualWrite.Connectors.Dataverse;

/// <summary>One <see cref="DataverseWrite"/> as the request of a <c>$batch</c> that carries it out.</summary>
internal static class WriteRequest
{
    public static BatchRequest Build(EnvironmentSchema schema, Func<string, Uri> absolute, DataverseWrite write, string contentId)
    {
        ArgumentNullException.ThrowIfNull(write);
        var table = schema.FindTable(write.Table)
            ?? throw new ArgumentException($"Dataverse has no table '{write.Table}'", nameof(write));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (write.Operation != DataverseOperation.Create && write.Key is null)
        {
            throw new ArgumentException($"{Describe(write)}: a {Verb(write.Operation)} needs the row's id or alternate key", nameof(write));
        }

        var address = write.Key is null ? table.EntitySet : RowUrls.Of(table, write.Key);
        string method;
        switch (write.Operation)
        {
            case DataverseOperation.Create when write.Key is null:
                method = "POST";
                break;
            case DataverseOperation.Create:
                method = "PATCH";
                headers["If-None-Match"] = "*";
                break;
            case DataverseOperation.Upsert:
                method = "PATCH";
                break;
            case DataverseOperation.Update:
                method = "PATCH";
                headers["If-Match"] = "*";
                break;
            case DataverseOperation.Delete:
                if (write.Values is { Count: > 0 } || write.Binds is { Count: > 0 })
                {
                    throw new ArgumentException($"{Describe(write)}: a delete carries no values", nameof(write));
                }

                return new BatchRequest("DELETE", absolute(address).AbsoluteUri, headers, contentId);
            default:
                throw new ArgumentException($"{write.Table}: unknown operation {write.Operation}", nameof(write));
        }

        headers["Content-Type"] = "application/json";
        var body = DataverseBody.Write(schema, table, write.Values, write.Binds);
        return new BatchRequest(method, absolute(address).AbsoluteUri, headers, contentId, body);
    }

    /// <summary><c>update of account (accountnumber='A1', msdyn_company=…)</c>, for messages.</summary>
    public static string Describe(DataverseWrite write) =>
        write.Key is null ? $"{Verb(write.Operation)} of {write.Table}" : $"{Verb(write.Operation)} of {write.Table} {write.Key}";

    private static string Verb(DataverseOperation operation) => operation.ToString().ToLowerInvariant();
}
