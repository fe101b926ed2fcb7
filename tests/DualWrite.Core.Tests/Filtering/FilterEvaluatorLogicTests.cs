using DualWrite.Core.Filtering;
using DualWrite.Core.Schema;
using static DualWrite.Core.Tests.Filtering.FilterTestTable;

namespace DualWrite.Core.Tests.Filtering;

public class FilterEvaluatorLogicTests
{
    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(1, 0, false)]
    [InlineData(0, 1, false)]
    [InlineData(0, 0, false)]
    public void And_needs_both(long a, long b, bool expected)
    {
        Assert.Equal(expected, Range("((n == 1) && (Rate == 1))", Row(("n", a), ("Rate", (decimal)b))));
        Assert.Equal(expected, OData("n eq 1 and Rate eq 1", Row(("n", a), ("Rate", (decimal)b))));
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(1, 0, true)]
    [InlineData(0, 1, true)]
    [InlineData(0, 0, false)]
    public void Or_needs_either(long a, long b, bool expected)
    {
        Assert.Equal(expected, Range("((n == 1) || (Rate == 1))", Row(("n", a), ("Rate", (decimal)b))));
        Assert.Equal(expected, OData("n eq 1 or Rate eq 1", Row(("n", a), ("Rate", (decimal)b))));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(0, true)]
    public void Not_negates(long a, bool expected)
    {
        Assert.Equal(expected, Range("!(n == 1)", Row(("n", a))));
        Assert.Equal(expected, OData("not n eq 1", Row(("n", a))));
        Assert.Equal(!expected, Range("!!(n == 1)", Row(("n", a))));
    }

    [Theory]
    [InlineData(1, 0, 0, true)]
    [InlineData(0, 2, 0, true)]
    [InlineData(0, 2, 3, false)]
    [InlineData(1, 2, 3, false)]
    [InlineData(0, 0, 0, false)]
    public void Precedence_holds_when_evaluated(long a, long b, long c, bool expected)
    {
        var row = Row(("a", a), ("b", b), ("c", c));
        var table = new TableSchema(
            "abc",
            "abc",
            new[] { "a", "b", "c" }.Select(n => new FieldSchema { Name = n, Type = FieldType.Integer }).ToArray(),
            ["a"],
            [],
            null);

        Assert.Equal(expected, FilterEvaluator.Matches(FinOpsRangeParser.Parse("((a == 1) || (b == 2)) && !(c == 3)"), row, table));
    }

    [Fact]
    public void A_range_between_two_bounds()
    {
        const string range = "((n > 1000) && (n <= 2000))";

        Assert.False(Range(range, Row(("n", 1000L))));
        Assert.True(Range(range, Row(("n", 1001L))));
        Assert.True(Range(range, Row(("n", 2000L))));
        Assert.False(Range(range, Row(("n", 2001L))));
    }

    [Fact]
    public void Long_flat_chains_evaluate_without_exhausting_the_stack()
    {
        var count = 200_000;
        FilterExpression chain = new ComparisonExpression("n", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.Integer, 0L));
        for (var i = 1; i < count; i++)
        {
            chain = new OrExpression(chain, new ComparisonExpression("n", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.Integer, (long)i)));
        }

        var matches = FilterEvaluator.Compile(chain, Party);

        Assert.True(matches(Row(("n", (long)(count - 1)))));
        Assert.False(matches(Row(("n", (long)count))));
    }

    [Fact]
    public void Deep_hand_built_trees_are_refused_rather_than_exhausting_the_stack()
    {
        FilterExpression deep = new ComparisonExpression("n", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.Integer, 1L));
        for (var i = 0; i < 100_000; i++)
        {
            deep = new NotExpression(deep);
        }

        var error = Assert.Throws<FilterException>(() => FilterEvaluator.Compile(deep, Party));

        Assert.Contains($"more than {FilterEvaluator.MaxDepth} levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compiled_filter_gives_the_same_answers_as_matches()
    {
        var filter = FinOpsRangeParser.Parse("((PartyType == \"Organization\") && !(Name like \"Test*\"))");
        var compiled = FilterEvaluator.Compile(filter, Party);
        var rows = new[]
        {
            Row(("PartyType", 2), ("Name", "Contoso")),
            Row(("PartyType", 2), ("Name", "test account")),
            Row(("PartyType", 1), ("Name", "Contoso")),
            Row(),
        };

        Assert.Equal(rows.Select(r => FilterEvaluator.Matches(filter, r, Party)), rows.Select(compiled));
        Assert.Equal([true, false, false, false], rows.Select(compiled));
    }
}
