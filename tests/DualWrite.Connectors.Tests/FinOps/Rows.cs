using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;

namespace DualWrite.Connectors.Tests.FinOps;

internal static class Rows
{
    public static async Task<List<IReadOnlyList<Row>>> ReadAllPagesAsync(this FinOpsClient client, string entity, FinOpsQuery query)
    {
        var pages = new List<IReadOnlyList<Row>>();
        await foreach (var page in client.ReadPagesAsync(entity, query, CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }

    public static string CustomerKey(Row row) => $"{row["dataAreaId"]}/{row["CustomerAccount"]}";

    public static RowKey Customer(string company, string account) => RowKey.Of(("dataAreaId", company), ("CustomerAccount", account));
}
