using System.Globalization;
using DualWrite.Core.Filtering;
using DualWrite.Core.Schema;
using static DualWrite.Core.Tests.Filtering.FilterTestTable;

namespace DualWrite.Core.Tests.Filtering;

public class FilterEvaluatorComparisonTests
{
    private static readonly Guid Low = Guid.Parse("10000000-0000-0000-0000-000000000000");
    private static readonly Guid High = Guid.Parse("f0000000-0000-0000-0000-000000000000");

    [Theory]
    [InlineData(4, "==", false)]
    [InlineData(5, "==", true)]
    [InlineData(6, "==", false)]
    [InlineData(4, "!=", true)]
    [InlineData(5, "!=", false)]
    [InlineData(4, "<", true)]
    [InlineData(5, "<", false)]
    [InlineData(6, "<", false)]
    [InlineData(4, "<=", true)]
    [InlineData(5, "<=", true)]
    [InlineData(6, "<=", false)]
    [InlineData(4, ">", false)]
    [InlineData(5, ">", false)]
    [InlineData(6, ">", true)]
    [InlineData(4, ">=", false)]
    [InlineData(5, ">=", true)]
    [InlineData(6, ">=", true)]
    public void Integers_compare_by_every_operator(long value, string op, bool expected)
    {
        Assert.Equal(expected, Range($"(n {op} 5)", Row(("n", value))));
    }

    [Theory]
    [InlineData(-6, false)]
    [InlineData(-5, true)]
    [InlineData(0, true)]
    public void Negative_integers_compare(long value, bool expected)
    {
        Assert.Equal(expected, Range("(n >= -5)", Row(("n", value))));
    }

    [Fact]
    public void An_int_in_an_integer_field_compares_as_a_long()
    {
        Assert.True(Range("(n == 5)", Row(("n", 5))));
    }

    [Theory]
    [InlineData("1000", "(Amount > 1000)", false)]
    [InlineData("1000.01", "(Amount > 1000)", true)]
    [InlineData("1000.00", "(Amount == 1000)", true)]
    [InlineData("999.99", "(Amount < 1000.00)", true)]
    [InlineData("-0.5", "(Amount < 0)", true)]
    [InlineData("0.25", "(Rate == 0.250)", true)]
    [InlineData("0.25", "(Rate != 0.26)", true)]
    [InlineData("0.25", "(Rate <= -0.25)", false)]
    public void Decimals_compare_with_decimals_and_integers(string value, string range, bool expected)
    {
        var row = Row(("Amount", decimal.Parse(value, CultureInfo.InvariantCulture)), ("Rate", decimal.Parse(value, CultureInfo.InvariantCulture)));

        Assert.Equal(expected, Range(range, row));
    }

    [Theory]
    [InlineData("Contoso", "==", "contoso", true)]
    [InlineData("CONTOSO", "==", "Contoso", true)]
    [InlineData("Contoso", "==", "Contoso Ltd", false)]
    [InlineData("Contoso", "!=", "CONTOSO", false)]
    [InlineData("Contoso", "!=", "Fabrikam", true)]
    [InlineData("apple", "<", "Banana", true)]
    [InlineData("Apple", "<", "banana", true)]
    [InlineData("banana", ">", "APPLE", true)]
    [InlineData("BANANA", "<=", "banana", true)]
    [InlineData("BANANA", ">=", "banana", true)]
    [InlineData("Banana", ">", "banana", false)]
    public void Strings_compare_ignoring_case(string value, string op, string literal, bool expected)
    {
        Assert.Equal(expected, Range($"(Name {op} \"{literal}\")", Row(("Name", value))));
    }

    [Fact]
    public void Equality_does_not_read_wildcards()
    {
        Assert.False(Range("(Name == \"A*\")", Row(("Name", "Alpha"))));
        Assert.True(Range("(Name == \"A*\")", Row(("Name", "a*"))));
    }

    [Theory]
    [InlineData(true, "(Blocked == true)", true)]
    [InlineData(false, "(Blocked == true)", false)]
    [InlineData(false, "(Blocked == false)", true)]
    [InlineData(true, "(Blocked != false)", true)]
    [InlineData(false, "(Blocked != false)", false)]
    public void Booleans_compare(bool value, string range, bool expected)
    {
        Assert.Equal(expected, Range(range, Row(("Blocked", value))));
    }

    [Theory]
    [InlineData(22, true)]
    [InlineData(23, true)]
    [InlineData(24, false)]
    public void Dates_compare_by_day(int day, bool expected)
    {
        Assert.Equal(expected, Range(@"(TransactionDate <= 23\06\2021)", Row(("TransactionDate", new DateOnly(2021, 6, day)))));
    }

    [Theory]
    [InlineData("2021-06-23T23:59:59+00:00", true)]
    [InlineData("2021-06-24T01:00:00+02:00", true)]
    [InlineData("2021-06-24T00:00:00+00:00", false)]
    public void A_date_field_holding_an_instant_compares_by_its_utc_day(string value, bool expected)
    {
        var instant = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

        Assert.Equal(expected, Range(@"(TransactionDate <= 23\06\2021)", Row(("TransactionDate", instant))));
    }

    [Theory]
    [InlineData("2021-06-22T23:59:59Z", "lt", true)]
    [InlineData("2021-06-23T00:00:00Z", "lt", false)]
    [InlineData("2021-06-23T00:00:00Z", "eq", true)]
    [InlineData("2021-06-23T02:00:00+02:00", "eq", true)]
    [InlineData("2021-06-23T00:00:01Z", "gt", true)]
    public void A_date_against_a_date_time_stands_for_the_first_instant_of_its_utc_day(string value, string op, bool expected)
    {
        var row = Row(("ModifiedOn", DateTimeOffset.Parse(value, CultureInfo.InvariantCulture)));

        Assert.Equal(expected, OData($"ModifiedOn {op} 2021-06-23", row));
        Assert.Equal(expected, Range($"(ModifiedOn {op switch { "lt" => "<", "eq" => "==", _ => ">" }} 23\\06\\2021)", row));
    }

    [Theory]
    [InlineData("2021-06-23T10:00:00Z", "ModifiedOn gt 2021-06-23T09:59:59Z", true)]
    [InlineData("2021-06-23T10:00:00Z", "ModifiedOn eq 2021-06-23T12:00:00+02:00", true)]
    [InlineData("2021-06-23T10:00:00Z", "ModifiedOn ge 2021-06-23T10:00:00.001Z", false)]
    [InlineData("2021-06-23T10:00:00+01:00", "ModifiedOn lt 2021-06-23T09:30:00Z", true)]
    public void Date_times_compare_as_instants(string value, string filter, bool expected)
    {
        Assert.Equal(expected, OData(filter, Row(("ModifiedOn", DateTimeOffset.Parse(value, CultureInfo.InvariantCulture)))));
    }

    [Fact]
    public void Guids_and_lookups_compare()
    {
        var row = Row(("Id", Low), ("ParentId", High));

        Assert.True(OData($"Id eq {Low}", row));
        Assert.False(OData($"Id eq {High}", row));
        Assert.True(OData($"Id ne {High}", row));
        Assert.True(OData($"ParentId eq {High.ToString().ToUpperInvariant()}", row));
        Assert.True(OData($"Id lt {High}", row));
        Assert.False(OData($"ParentId le {Low}", row));
    }

    [Theory]
    [InlineData(2, "((PartyType == \"Organization\"))", true)]
    [InlineData(2, "((PartyType == \"ORGANIZATION\"))", true)]
    [InlineData(1, "((PartyType == \"Organization\"))", false)]
    [InlineData(2, "(PartyType == DirPartyBaseType::Organization)", true)]
    [InlineData(2, "(PartyType == dirpartybasetype::organization)", true)]
    [InlineData(1, "(PartyType != DirPartyBaseType::Organization)", true)]
    [InlineData(2, "(PartyType == 2)", true)]
    [InlineData(2, "(PartyType > 1)", true)]
    [InlineData(2, "(PartyType < DirPartyBaseType::Organization)", false)]
    [InlineData(1, "(PartyType < \"Organization\")", true)]
    [InlineData(1, "(AccountType == AccountType::Customer)", false)]
    public void Enums_compare_by_member_name_or_by_value(int value, string range, bool expected)
    {
        Assert.Equal(expected, Range(range, Row(("PartyType", value), ("AccountType", 2))));
    }

    [Fact]
    public void An_enum_value_held_as_a_long_compares_as_its_int()
    {
        Assert.True(Range("(PartyType == \"Person\")", Row(("PartyType", 1L))));
    }

    [Theory]
    [InlineData("(CURRENCYCODE != \"999\")")]
    [InlineData("(currencycode != \"999\")")]
    [InlineData("(CurrencyCode != \"999\")")]
    public void Field_names_resolve_ignoring_case(string range)
    {
        Assert.True(Range(range, Row(("CurrencyCode", "USD"))));
        Assert.False(Range(range, Row(("CurrencyCode", "999"))));
    }

    [Fact]
    public void A_row_holding_its_fields_under_other_casing_still_matches()
    {
        Assert.True(Range("(CurrencyCode == \"USD\")", Row(("currencycode", "usd"))));
    }

    [Fact]
    public void A_resolver_maps_filter_names_to_other_fields()
    {
        var filter = ODataFilterParser.Parse("msdyn_partytype eq 'Person'");
        static FieldSchema? Resolve(string name) => name == "msdyn_partytype" ? Party.FindField("PartyType") : null;

        Assert.True(FilterEvaluator.Matches(filter, Row(("PartyType", 1)), Party, Resolve));
        Assert.False(FilterEvaluator.Matches(filter, Row(("PartyType", 2)), Party, Resolve));
    }
}
