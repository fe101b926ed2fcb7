using DualWrite.Core.Filtering;

namespace DualWrite.Core.Tests.Filtering;

public class ODataFilterParserLiteralTests
{
    private static FilterLiteral ValueOf(string literal)
    {
        var parsed = Assert.IsType<ComparisonExpression>(ODataFilterParser.Parse($"f eq {literal}"));
        Assert.Equal("f", parsed.Field);
        Assert.Equal(ComparisonOperator.Equal, parsed.Operator);
        return parsed.Value;
    }

    [Theory]
    [InlineData("'Contoso'", "Contoso")]
    [InlineData("''", "")]
    [InlineData("' padded '", " padded ")]
    [InlineData("'O''Brien'", "O'Brien")]
    [InlineData("''''", "'")]
    [InlineData("'a''''b'", "a''b")]
    [InlineData("'eq and or not ( ) , 5'", "eq and or not ( ) , 5")]
    [InlineData("'Zürich – 東京'", "Zürich – 東京")]
    public void String_literals_are_unquoted(string literal, string expected)
    {
        Assert.Equal(new FilterLiteral(LiteralKind.String, expected), ValueOf(literal));
    }

    [Fact]
    public void Sql_looking_text_inside_a_string_stays_one_string_literal()
    {
        var parsed = ODataFilterParser.Parse("name eq 'x'' or 1=1 --'");

        Assert.Equal(new ComparisonExpression("name", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.String, "x' or 1=1 --")), parsed);
    }

    [Fact]
    public void A_string_closing_early_leaves_the_rest_as_filter_text_not_string_text()
    {
        // The quote after x closes the string, so "or 1 eq 1" is parsed as logic around a separate comparison.
        var parsed = ODataFilterParser.Parse("name eq 'x' or n eq 1");

        Assert.Equal(
            new OrExpression(
                new ComparisonExpression("name", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.String, "x")),
                new ComparisonExpression("n", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.Integer, 1L))),
            parsed);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("-7", -7L)]
    [InlineData("007", 7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("12L", 12L)]
    public void Integers_are_longs(string literal, long expected)
    {
        var value = ValueOf(literal);

        Assert.Equal(LiteralKind.Integer, value.Kind);
        Assert.Equal(expected, Assert.IsType<long>(value.Value));
    }

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("2.50m", "2.50")]
    [InlineData("2.50M", "2.50")]
    [InlineData("3m", "3")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("1e3", "1000")]
    [InlineData("2.5E-2", "0.025")]
    [InlineData("4d", "4")]
    [InlineData("9223372036854775808", "9223372036854775808")]
    public void Decimals_are_decimals(string literal, string expected)
    {
        var value = ValueOf(literal);

        Assert.Equal(LiteralKind.Decimal, value.Kind);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.IsType<decimal>(value.Value));
    }

    [Fact]
    public void A_decimal_keeps_its_written_scale()
    {
        var value = Assert.IsType<decimal>(ValueOf("2.50m").Value);

        Assert.Equal("2.50", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Booleans_are_booleans(string literal, bool expected)
    {
        Assert.Equal(new FilterLiteral(LiteralKind.Boolean, expected), ValueOf(literal));
    }

    [Fact]
    public void Null_is_the_null_literal()
    {
        var value = ValueOf("null");

        Assert.Equal(FilterLiteral.Null, value);
        Assert.Equal(LiteralKind.Null, value.Kind);
        Assert.Null(value.Value);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("12345678-1234-1234-1234-123456789012")]
    [InlineData("20210623-0000-4000-8000-000000000001")]
    [InlineData("1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d")]
    [InlineData("abcdef01-2345-6789-abcd-ef0123456789")]
    [InlineData("ABCDEF01-2345-6789-ABCD-EF0123456789")]
    [InlineData("deadbeef-0000-0000-0000-000000000000")]
    [InlineData("f0e1d2c3-b4a5-9687-7869-5a4b3c2d1e0f")]
    public void Guids_are_guids_whatever_character_they_begin_with(string literal)
    {
        Assert.Equal(new FilterLiteral(LiteralKind.Guid, Guid.Parse(literal)), ValueOf(literal));
    }

    [Fact]
    public void A_guid_can_be_compared_to_a_lookup_value_inside_parentheses()
    {
        var id = Guid.Parse("e3b0c442-98fc-1c14-9afb-f4c8996fb924");

        var parsed = ODataFilterParser.Parse("(_msdyn_company_value eq e3b0c442-98fc-1c14-9afb-f4c8996fb924)");

        Assert.Equal(new ComparisonExpression("_msdyn_company_value", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.Guid, id)), parsed);
    }

    [Fact]
    public void A_guid_on_the_left_is_moved_right()
    {
        var parsed = ODataFilterParser.Parse("abcdef01-2345-6789-abcd-ef0123456789 eq accountid");

        Assert.Equal(
            new ComparisonExpression("accountid", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.Guid, Guid.Parse("abcdef01-2345-6789-abcd-ef0123456789"))),
            parsed);
    }

    [Theory]
    [InlineData("2021-06-23", 2021, 6, 23)]
    [InlineData("1999-12-31", 1999, 12, 31)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    public void Dates_are_date_only(string literal, int year, int month, int day)
    {
        Assert.Equal(new FilterLiteral(LiteralKind.Date, new DateOnly(year, month, day)), ValueOf(literal));
    }

    [Theory]
    [InlineData("2021-06-23T10:15:30Z", 10, 15, 30, 0)]
    [InlineData("2021-06-23T12:15:30+02:00", 10, 15, 30, 0)]
    [InlineData("2021-06-23T05:15:30-05:00", 10, 15, 30, 0)]
    [InlineData("2021-06-23T10:15:30", 10, 15, 30, 0)]
    [InlineData("2021-06-23T10:15Z", 10, 15, 0, 0)]
    [InlineData("2021-06-23T10:15:30.125Z", 10, 15, 30, 125)]
    [InlineData("2021-06-23T15:45:30.125+05:30", 10, 15, 30, 125)]
    public void Date_times_are_normalised_to_utc(string literal, int hour, int minute, int second, int millisecond)
    {
        var value = ValueOf(literal);

        Assert.Equal(LiteralKind.DateTime, value.Kind);
        var instant = Assert.IsType<DateTimeOffset>(value.Value);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(new DateTimeOffset(2021, 6, 23, hour, minute, second, millisecond, TimeSpan.Zero), instant);
    }

    [Fact]
    public void A_date_time_with_an_offset_that_crosses_midnight_moves_to_the_utc_day()
    {
        var instant = Assert.IsType<DateTimeOffset>(ValueOf("2021-06-23T01:00:00+03:00").Value);

        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(new DateTime(2021, 6, 22, 22, 0, 0, DateTimeKind.Unspecified), instant.DateTime);
    }

    [Fact]
    public void Date_and_date_time_literals_are_told_apart_inside_parentheses()
    {
        var parsed = ODataFilterParser.Parse("(d ge 2021-06-23) and (t lt 2021-06-24T00:00:00Z)");

        Assert.Equal(
            new AndExpression(
                new ComparisonExpression("d", ComparisonOperator.GreaterThanOrEqual, new FilterLiteral(LiteralKind.Date, new DateOnly(2021, 6, 23))),
                new ComparisonExpression("t", ComparisonOperator.LessThan, new FilterLiteral(LiteralKind.DateTime, new DateTimeOffset(2021, 6, 24, 0, 0, 0, TimeSpan.Zero)))),
            parsed);
    }

    [Fact]
    public void Qualified_enum_literals_keep_the_type_name_and_member()
    {
        var value = ValueOf("Microsoft.Dynamics.DataEntities.NoYes'Yes'");

        Assert.Equal(new FilterLiteral(LiteralKind.Enum, "Yes", "NoYes"), value);
    }

    [Fact]
    public void Unqualified_enum_literals_use_the_word_as_the_type()
    {
        Assert.Equal(new FilterLiteral(LiteralKind.Enum, "Customer", "AccountType"), ValueOf("AccountType'Customer'"));
    }

    [Fact]
    public void An_enum_literal_on_the_left_is_moved_right()
    {
        var parsed = ODataFilterParser.Parse("Microsoft.Dynamics.DataEntities.NoYes'No' ne IsActive");

        Assert.Equal(new ComparisonExpression("IsActive", ComparisonOperator.NotEqual, new FilterLiteral(LiteralKind.Enum, "No", "NoYes")), parsed);
    }

    [Fact]
    public void Enum_literals_combine_with_other_comparisons()
    {
        var parsed = ODataFilterParser.Parse("Blocked eq Microsoft.Dynamics.DataEntities.CustVendorBlocked'No' and dataAreaId eq 'usmf'");

        Assert.Equal(
            new AndExpression(
                new ComparisonExpression("Blocked", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.Enum, "No", "CustVendorBlocked")),
                new ComparisonExpression("dataAreaId", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.String, "usmf"))),
            parsed);
    }

    [Fact]
    public void Literal_kinds_are_not_interchangeable()
    {
        Assert.NotEqual(ValueOf("'5'"), ValueOf("5"));
        Assert.NotEqual(ValueOf("5"), ValueOf("5.0"));
        Assert.NotEqual(ValueOf("'true'"), ValueOf("true"));
        Assert.NotEqual(ValueOf("'null'"), ValueOf("null"));
        Assert.NotEqual(ValueOf("'2021-06-23'"), ValueOf("2021-06-23"));
    }
}
