using DualWrite.Core.Rows;
using DualWrite.Runtime.InitialSync;

namespace DualWrite.Runtime.Tests.InitialSync;

public sealed class MergeJoinTests
{
    [Fact]
    public async Task Every_key_comes_once_with_the_rows_each_side_has()
    {
        var merged = await Merge(["A-1", "a-2", "C-4"], ["A-2", "B-3", "c-4", "D-5"]);
        Assert.Equal(
            ["A-1 F", "a-2 FD", "B-3 D", "C-4 FD", "D-5 D"],
            merged.Select(m => $"{m.Key.Parts[0].Value} {(m.FinOps is null ? string.Empty : "F")}{(m.Dataverse is null ? string.Empty : "D")}"));
    }

    [Fact]
    public async Task Either_side_may_be_empty()
    {
        Assert.Equal(3, (await Merge([], ["1", "2", "3"])).Count);
        Assert.Equal(2, (await Merge(["1", "2"], [])).Count);
        Assert.Empty(await Merge([], []));
    }

    [Fact]
    public async Task A_side_out_of_order_stops_the_merge_rather_than_create_duplicates()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Merge(["B", "A"], ["A"]));
        Assert.Contains("F&O returned", error.Message, StringComparison.Ordinal);
        Assert.Contains("not in key order", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", "ABD", -1)]
    [InlineData("US-001", "us-001", 0)]
    [InlineData("_x", "a", -1)]
    [InlineData("Z", "a", 1)]
    [InlineData("ab", "abc", -1)]
    public void Text_keys_order_as_a_NOCASE_collation_does(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(KeyOrder.CompareValues(a, b)));
    }

    private static async Task<List<MergedRow>> Merge(string[] finOps, string[] dataverse)
    {
        var result = new List<MergedRow>();
        await foreach (var row in MergeJoin.RunAsync(Rows(finOps), Key, Rows(dataverse), Key))
        {
            result.Add(row);
        }

        return result;
    }

    private static RowKey Key(Row row) => RowKey.Of(("k", row["k"]));

    private static async IAsyncEnumerable<Row> Rows(string[] keys)
    {
        foreach (var key in keys)
        {
            await Task.Yield();
            yield return new Row { ["k"] = key };
        }
    }
}
