using DualWrite.Core.Filtering;

namespace DualWrite.Core.Tests.Filtering;

public class FinOpsRangeParserNestingTests
{
    private static readonly ComparisonExpression AEqualsOne =
        new("a", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.Integer, 1L));

    private static string Parenthesised(int depth) => new string('(', depth) + "a == 1" + new string(')', depth);

    private static string Negated(int depth) => string.Concat(Enumerable.Repeat("!(", depth)) + "a == 1" + new string(')', depth);

    [Fact]
    public void The_limit_is_the_same_as_for_odata_filters()
    {
        Assert.Equal(ODataFilterParser.MaxNesting, FinOpsRangeParser.MaxNesting);
    }

    [Fact]
    public void Parentheses_nested_to_the_limit_parse()
    {
        Assert.Equal(AEqualsOne, FinOpsRangeParser.Parse(Parenthesised(FinOpsRangeParser.MaxNesting)));
    }

    [Fact]
    public void Parentheses_nested_beyond_the_limit_are_refused_at_the_first_excess_parenthesis()
    {
        var error = Assert.Throws<FilterParseException>(() => FinOpsRangeParser.Parse(Parenthesised(FinOpsRangeParser.MaxNesting + 1)));

        Assert.Equal(FinOpsRangeParser.MaxNesting, error.Position);
        Assert.Contains($"{FinOpsRangeParser.MaxNesting} levels", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Negations_count_with_their_parentheses()
    {
        var half = FinOpsRangeParser.MaxNesting / 2;
        var parsed = FinOpsRangeParser.Parse(Negated(half));

        var depth = 0;
        while (parsed is NotExpression not)
        {
            depth++;
            parsed = not.Operand;
        }

        Assert.Equal(half, depth);
        Assert.Equal(AEqualsOne, parsed);

        var error = Assert.Throws<FilterParseException>(() => FinOpsRangeParser.Parse(Negated(half + 1)));
        Assert.Equal(2 * half, error.Position);
    }

    [Fact]
    public void Repeated_negation_counts_each_mark()
    {
        var range = new string('!', FinOpsRangeParser.MaxNesting) + "(a == 1)";

        var error = Assert.Throws<FilterParseException>(() => FinOpsRangeParser.Parse(range));

        Assert.Equal(FinOpsRangeParser.MaxNesting, error.Position);
    }

    [Fact]
    public void A_hostile_depth_is_a_parse_error_not_a_crash()
    {
        var error = Assert.Throws<FilterParseException>(() => FinOpsRangeParser.Parse(Parenthesised(200_000)));

        Assert.Equal(FinOpsRangeParser.MaxNesting, error.Position);
    }

    [Fact]
    public void Sibling_groups_do_not_add_up()
    {
        var deep = Parenthesised(FinOpsRangeParser.MaxNesting);

        var parsed = FinOpsRangeParser.Parse($"{deep} && {deep} || {deep}");

        Assert.Equal(new OrExpression(new AndExpression(AEqualsOne, AEqualsOne), AEqualsOne), parsed);
    }

    [Fact]
    public void Long_flat_chains_are_not_limited()
    {
        var count = 5 * FinOpsRangeParser.MaxNesting;
        var parsed = FinOpsRangeParser.Parse(string.Join(" || ", Enumerable.Repeat("(a == 1)", count)));

        var seen = 1;
        while (parsed is OrExpression or)
        {
            Assert.Equal(AEqualsOne, or.Right);
            seen++;
            parsed = or.Left;
        }

        Assert.Equal(count, seen);
    }
}
