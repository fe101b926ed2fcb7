using DualWrite.Core.Filtering;

namespace DualWrite.Core.Tests.Filtering;

public class ODataFilterParserNestingTests
{
    private static readonly ComparisonExpression AEqualsOne =
        new("a", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.Integer, 1L));

    private static string Parenthesised(int depth) => new string('(', depth) + "a eq 1" + new string(')', depth);

    private static string Negated(int depth) => string.Concat(Enumerable.Repeat("not ", depth)) + "a eq 1";

    [Fact]
    public void Parentheses_nested_to_the_limit_parse()
    {
        Assert.Equal(AEqualsOne, ODataFilterParser.Parse(Parenthesised(ODataFilterParser.MaxNesting)));
    }

    [Fact]
    public void Parentheses_nested_beyond_the_limit_are_refused_at_the_first_excess_parenthesis()
    {
        var filter = Parenthesised(ODataFilterParser.MaxNesting + 1);

        var error = Assert.Throws<FilterParseException>(() => ODataFilterParser.Parse(filter));

        Assert.Equal(ODataFilterParser.MaxNesting, error.Position);
        Assert.Contains($"{ODataFilterParser.MaxNesting} levels", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_nested_to_the_limit_parses()
    {
        var parsed = ODataFilterParser.Parse(Negated(ODataFilterParser.MaxNesting));

        var depth = 0;
        while (parsed is NotExpression not)
        {
            depth++;
            parsed = not.Operand;
        }

        Assert.Equal(ODataFilterParser.MaxNesting, depth);
        Assert.Equal(AEqualsOne, parsed);
    }

    [Fact]
    public void Not_nested_beyond_the_limit_is_refused_at_the_first_excess_not()
    {
        var filter = Negated(ODataFilterParser.MaxNesting + 1);

        var error = Assert.Throws<FilterParseException>(() => ODataFilterParser.Parse(filter));

        Assert.Equal(4 * ODataFilterParser.MaxNesting, error.Position);
    }

    [Fact]
    public void Parentheses_and_not_count_together()
    {
        var half = ODataFilterParser.MaxNesting / 2;
        var filter = string.Concat(Enumerable.Repeat("not (", half)) + "not a eq 1" + new string(')', half);

        var error = Assert.Throws<FilterParseException>(() => ODataFilterParser.Parse(filter));

        Assert.Equal(5 * half, error.Position);
    }

    [Fact]
    public void Sibling_groups_do_not_add_up()
    {
        var deep = Parenthesised(ODataFilterParser.MaxNesting);

        var parsed = ODataFilterParser.Parse($"{deep} and {deep} or {deep}");

        Assert.Equal(new OrExpression(new AndExpression(AEqualsOne, AEqualsOne), AEqualsOne), parsed);
    }

    [Fact]
    public void A_hostile_depth_is_a_parse_error_not_a_crash()
    {
        var filter = Parenthesised(200_000);

        var error = Assert.Throws<FilterParseException>(() => ODataFilterParser.Parse(filter));

        Assert.Equal(ODataFilterParser.MaxNesting, error.Position);
    }

    [Fact]
    public void Long_flat_chains_of_and_and_or_are_not_limited()
    {
        var filter = string.Join(" or ", Enumerable.Repeat("a eq 1", 5 * ODataFilterParser.MaxNesting));

        var parsed = ODataFilterParser.Parse(filter);

        var count = 1;
        while (parsed is OrExpression or)
        {
            Assert.Equal(AEqualsOne, or.Right);
            count++;
            parsed = or.Left;
        }

        Assert.Equal(5 * ODataFilterParser.MaxNesting, count);
        Assert.Equal(AEqualsOne, parsed);
    }
}
