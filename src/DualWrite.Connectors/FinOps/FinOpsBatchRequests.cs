using System.Globalization;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Protocols.Batch;

namespace DualWrite.Connectors.FinOps;

/// <summary>Writes as the requests of an F&amp;O <c>$batch</c>, each with its index as Content-ID.</summary>
internal static class FinOpsBatchRequests
{
    private static readonly Dictionary<string, string> JsonBody = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Type"] = "application/json; charset=utf-8",
        ["Accept"] = "application/json",
    };

    private static readonly Dictionary<string, string> NoBody = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Accept"] = "application/json",
    };

    public static PreparedWrite Prepare(TableSchema table, FinOpsWrite write, int index)
    {
        var contentId = (index + 1).ToString(CultureInfo.InvariantCulture);
        switch (write.Operation)
        {
            case ChangeOperation.Create:
                var values = Require(write.Values, write, index, "values to create");
                var request = new BatchRequest("POST", Uri.EscapeDataString(table.EntitySet), JsonBody, contentId, FinOpsRowWriter.Body(table, values, write.Key));
                return new PreparedWrite(index, table, write.Key ?? FinOpsRowReader.KeyOf(table, values), request);
            case ChangeOperation.Update:
                var key = Require(write.Key, write, index, "the key of the row to update");
                var changes = Require(write.Values, write, index, "values to update");
                return new PreparedWrite(index, table, key, new BatchRequest("PATCH", Address(table, key, index), JsonBody, contentId, FinOpsRowWriter.Body(table, changes, null)));
            case ChangeOperation.Delete:
                var deleted = Require(write.Key, write, index, "the key of the row to delete");
                return new PreparedWrite(index, table, deleted, new BatchRequest("DELETE", Address(table, deleted, index), NoBody, contentId));
            default:
                throw new ArgumentException($"Write #{index} to {write.Entity} has the unknown operation {write.Operation}.", nameof(write));
        }
    }

    /// <summary>
    /// The row's URL in every company: F&amp;O addresses only the caller's default company unless asked for all,
    /// even with <c>dataAreaId</c> in the key.
    /// </summary>
    private static string Address(TableSchema table, RowKey key, int index)
    {
        try
        {
            return ODataUrl.WithQuery(ODataUrl.Entity(table, key), (ODataUrl.CrossCompany, "true"));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Write #{index}: {e.Message}", nameof(key), e);
        }
    }

    private static T Require<T>(T? value, FinOpsWrite write, int index, string what)
        where T : class =>
        value ?? throw new ArgumentException($"Write #{index} ({write.Operation} of {write.Entity}) has no {what}.", nameof(write));
}
