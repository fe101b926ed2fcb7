using DualWrite.Core.Filtering;

namespace DualWrite.Core.Tests.Filtering;

public class FinOpsRangeParserLiteralTests
{
    private static FilterLiteral LiteralOf(string literal) =>
        Assert.IsType<ComparisonExpression>(FinOpsRangeParser.Parse($"(f == {literal})")).Value;

    [Theory]
    [InlineData("\"abc\"", "abc")]
    [InlineData("\"\"", "")]
    [InlineData("\"a b  c\"", "a b  c")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("\"back\\\\slash\"", "back\\slash")]
    [InlineData("\"\\\\\"", "\\")]
    [InlineData("\"C:\\temp\"", "C:\\temp")]
    [InlineData("\"it's\"", "it's")]
    [InlineData("\"a && b || !(c) == 1\"", "a && b || !(c) == 1")]
    [InlineData("\"23\\06\\2021\"", "23\\06\\2021")]
    public void Strings_are_unquoted_and_unescaped(string literal, string expected)
    {
        Assert.Equal(new FilterLiteral(LiteralKind.String, expected), LiteralOf(literal));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1000", 1000L)]
    [InlineData("-5", -5L)]
    [InlineData("007", 7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Integers_are_longs(string literal, long expected)
    {
        Assert.Equal(new FilterLiteral(LiteralKind.Integer, expected), LiteralOf(literal));
    }

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("1000.00", "1000.00")]
    [InlineData("9223372036854775808", "9223372036854775808")]
    public void Decimals_and_integers_too_large_for_a_long_are_decimals(string literal, string expected)
    {
        var parsed = LiteralOf(literal);

        Assert.Equal(LiteralKind.Decimal, parsed.Kind);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.Value);
    }

    [Fact]
    public void A_negative_number_follows_an_operator_without_a_space()
    {
        Assert.Equal(
            new ComparisonExpression("n", ComparisonOperator.GreaterThan, new FilterLiteral(LiteralKind.Integer, -3L)),
            FinOpsRangeParser.Parse("n>-3"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("TRUE", true)]
    [InlineData("False", false)]
    public void Booleans_are_booleans_in_any_case(string literal, bool expected)
    {
        Assert.Equal(new FilterLiteral(LiteralKind.Boolean, expected), LiteralOf(literal));
    }

    [Theory]
    [InlineData(@"23\06\2021", 2021, 6, 23)]
    [InlineData(@"01\01\2020", 2020, 1, 1)]
    [InlineData(@"1\2\2020", 2020, 2, 1)]
    [InlineData(@"29\02\2024", 2024, 2, 29)]
    [InlineData(@"31\12\9999", 9999, 12, 31)]
    public void Dates_are_day_month_year(string literal, int year, int month, int day)
    {
        Assert.Equal(new FilterLiteral(LiteralKind.Date, new DateOnly(year, month, day)), LiteralOf(literal));
    }

    [Fact]
    public void A_date_on_the_left_is_moved_right()
    {
        Assert.Equal(
            new ComparisonExpression("d", ComparisonOperator.LessThan, new FilterLiteral(LiteralKind.Date, new DateOnly(2021, 6, 23))),
            FinOpsRangeParser.Parse(@"(23\06\2021 > d)"));
    }

    [Theory]
    [InlineData("AccountType::Customer", "AccountType", "Customer")]
    [InlineData("NoYes::Yes", "NoYes", "Yes")]
    [InlineData("My_Enum2::Value_3", "My_Enum2", "Value_3")]
    public void Enum_literals_split_into_type_and_member(string literal, string type, string member)
    {
        Assert.Equal(new FilterLiteral(LiteralKind.Enum, member, type), LiteralOf(literal));
    }

    [Fact]
    public void Literal_kinds_are_not_interchangeable()
    {
        Assert.NotEqual(LiteralOf("\"5\""), LiteralOf("5"));
        Assert.NotEqual(LiteralOf("\"true\""), LiteralOf("true"));
        Assert.NotEqual(LiteralOf("\"NoYes::Yes\""), LiteralOf("NoYes::Yes"));
    }
}
