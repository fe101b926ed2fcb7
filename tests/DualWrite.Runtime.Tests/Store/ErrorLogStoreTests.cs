using DualWrite.Core.Maps;
using DualWrite.Runtime.Monitoring;

namespace DualWrite.Runtime.Tests.Store;

public sealed class ErrorLogStoreTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_error_log_is_searched_by_map_time_key_and_type_newest_first()
    {
        await using var temp = await TempStore.OpenAsync();
        await temp.Store.AppendErrorAsync(Entry("Customers V3 (accounts)", Noon, "usmf|US-001", ErrorType.Application), CancellationToken.None);
        await temp.Store.AppendErrorAsync(Entry("Customers V3 (accounts)", Noon.AddMinutes(5), "usmf|US-002", ErrorType.System), CancellationToken.None);
        await temp.Store.AppendErrorAsync(Entry("Customer groups", Noon.AddMinutes(10), "usmf|10", ErrorType.Concurrency), CancellationToken.None);

        var all = await temp.Store.SearchErrorsAsync(new ErrorQuery(), CancellationToken.None);
        Assert.Equal(["usmf|10", "usmf|US-002", "usmf|US-001"], all.Select(e => e.Key));
        Assert.Equal(2, (await temp.Store.SearchErrorsAsync(new ErrorQuery { Map = "customers v3 (accounts)" }, CancellationToken.None)).Count);
        Assert.Equal(["usmf|US-002"], (await temp.Store.SearchErrorsAsync(new ErrorQuery { From = Noon.AddMinutes(1), To = Noon.AddMinutes(6) }, CancellationToken.None)).Select(e => e.Key));
        Assert.Equal(["usmf|US-001"], (await temp.Store.SearchErrorsAsync(new ErrorQuery { Key = "US-001" }, CancellationToken.None)).Select(e => e.Key));
        Assert.Equal(2, await temp.Store.CountErrorsAsync(new ErrorQuery { Types = [ErrorType.System, ErrorType.Concurrency] }, CancellationToken.None));
        Assert.Equal(["usmf|US-002"], (await temp.Store.SearchErrorsAsync(new ErrorQuery { Offset = 1, Limit = 1 }, CancellationToken.None)).Select(e => e.Key));

        var entry = all[^1];
        Assert.Equal((Noon, SyncDirection.FinOpsToDataverse, "t-1", ErrorType.Application, "lookup not found", "{}"), (entry.At, entry.Direction, entry.TransactionId, entry.Type, entry.Message, entry.Payload));
    }

    private static ErrorEntry Entry(string map, DateTimeOffset at, string key, ErrorType type) =>
        new(0, at, map, SyncDirection.FinOpsToDataverse, key, "t-1", type, "lookup not found", "{}");
}
