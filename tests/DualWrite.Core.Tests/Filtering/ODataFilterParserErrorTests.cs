using DualWrite.Core.Filtering;

namespace DualWrite.Core.Tests.Filtering;

public class ODataFilterParserErrorTests
{
    private static FilterParseException Fails(string filter)
    {
        var error = Assert.Throws<FilterParseException>(() => ODataFilterParser.Parse(filter));
        Assert.Equal(filter, error.Filter);
        Assert.Contains($"position {error.Position}", error.Message, StringComparison.Ordinal);
        return error;
    }

    [Theory]
    [InlineData("name eq 'abc", 8)]
    [InlineData("name eq 'O''Brien", 8)]
    [InlineData("name eq '''", 8)]
    [InlineData("contains(name,'abc)", 14)]
    [InlineData("n eq 1 and name eq 'x'' or 1=1 --", 19)]
    public void An_unclosed_string_is_reported_where_it_opens(string filter, int position)
    {
        var error = Fails(filter);

        Assert.Equal(position, error.Position);
        Assert.Contains("closing quote", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_enum_member_is_reported_where_its_quote_opens()
    {
        var error = Fails("f eq NoYes'Yes");

        Assert.Equal(10, error.Position);
        Assert.Contains("closing quote", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name 'x'", 5)]
    [InlineData("name", 4)]
    [InlineData("name eqq 1", 5)]
    [InlineData("name EQ 1", 5)]
    [InlineData("a eq 1 and b", 12)]
    [InlineData("(name)", 5)]
    public void A_missing_operator_is_reported(string filter, int position)
    {
        var error = Fails(filter);

        Assert.Equal(position, error.Position);
        Assert.Contains("comparison operator", error.Expected, StringComparison.Ordinal);
        Assert.Contains("eq", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(a eq 1", 7)]
    [InlineData("((a eq 1) or b eq 2", 19)]
    [InlineData("(a eq 1 b eq 2)", 8)]
    [InlineData("contains(name,'x'", 17)]
    [InlineData("not (a eq 1 and (b eq 2)", 24)]
    public void A_missing_closing_parenthesis_is_reported(string filter, int position)
    {
        var error = Fails(filter);

        Assert.Equal(position, error.Position);
        Assert.Equal("')'", error.Expected);
    }

    [Theory]
    [InlineData("a eq 1 b", 7)]
    [InlineData("a eq 1)", 6)]
    [InlineData("a eq 1 'x'", 7)]
    [InlineData("a eq 1 eq 2", 7)]
    [InlineData("contains(name,'x') eq true", 19)]
    [InlineData("(a eq 1) (b eq 2)", 9)]
    public void Trailing_garbage_is_reported(string filter, int position)
    {
        var error = Fails(filter);

        Assert.Equal(position, error.Position);
        Assert.Contains("end of the filter", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 3)]
    [InlineData("()", 1)]
    [InlineData("not", 3)]
    [InlineData("a eq", 4)]
    [InlineData("a eq 1 or", 9)]
    [InlineData("eq 1", 0)]
    [InlineData("a eq and", 5)]
    public void A_missing_operand_is_reported(string filter, int position)
    {
        var error = Fails(filter);

        Assert.Equal(position, error.Position);
        Assert.Contains("field name or a literal", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a eq 1 & b eq 2", 7)]
    [InlineData("a eq #1", 5)]
    [InlineData("a == 1", 2)]
    [InlineData("a eq \"x\"", 5)]
    [InlineData("a eq 1;", 6)]
    [InlineData("a eq 1.", 5)]
    [InlineData("a eq 5abc", 5)]
    [InlineData("a eq - 1", 5)]
    public void An_unknown_character_is_reported_where_it_stands(string filter, int position)
    {
        var error = Fails(filter);

        Assert.Equal(position, error.Position);
        Assert.Contains("field name", error.Expected, StringComparison.Ordinal);
        Assert.Contains("literal", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a eq b", 5)]
    [InlineData("revenue gt creditlimit", 11)]
    [InlineData("x eq 1 and a/b ne c/d", 18)]
    public void Comparing_two_fields_is_reported_at_the_second_field(string filter, int position)
    {
        var error = Fails(filter);

        Assert.Equal(position, error.Position);
        Assert.Contains("two fields", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1 eq 1", 5)]
    [InlineData("'a' eq 'a'", 7)]
    [InlineData("null eq null", 8)]
    [InlineData("a eq 1 or true eq true", 18)]
    public void Comparing_two_literals_is_reported_at_the_second_literal(string filter, int position)
    {
        var error = Fails(filter);

        Assert.Equal(position, error.Position);
        Assert.Contains("field name", error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contains('x',name)", 9, "field name")]
    [InlineData("contains(name 'x')", 14, "','")]
    [InlineData("contains(name,5)", 14, "quoted string")]
    [InlineData("startswith(name,other)", 16, "quoted string")]
    public void Malformed_text_function_arguments_are_reported(string filter, int position, string expected)
    {
        var error = Fails(filter);

        Assert.Equal(position, error.Position);
        Assert.Contains(expected, error.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("d eq 2021-13-01", 5, "date")]
    [InlineData("d eq 2021-02-30", 5, "date")]
    [InlineData("t eq 2021-06-23T25:00:00Z", 5, "date and time")]
    [InlineData("n eq 1e999", 5, "number")]
    public void Out_of_range_literals_are_reported(string filter, int position, string expected)
    {
        var error = Fails(filter);

        Assert.Equal(position, error.Position);
        Assert.Contains(expected, error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_names_the_filter_and_what_was_expected()
    {
        var error = Fails("a eq b");

        Assert.Contains("\"a eq b\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Expected, error.Message, StringComparison.Ordinal);
    }
}
