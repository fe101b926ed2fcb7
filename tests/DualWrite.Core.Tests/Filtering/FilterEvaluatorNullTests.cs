using DualWrite.Core.Rows;
using static DualWrite.Core.Tests.Filtering.FilterTestTable;

namespace DualWrite.Core.Tests.Filtering;

public class FilterEvaluatorNullTests
{
    private static readonly Row NullName = Row(("Name", null), ("n", null), ("PartyType", null), ("TransactionDate", null));

    private static readonly Row Empty = new();

    public static TheoryData<string, bool> ODataFilters => new()
    {
        { "Name eq null", true },
        { "Name ne null", false },
        { "null eq Name", true },
        { "Name eq 'x'", false },
        { "Name ne 'x'", true },
        { "n eq 5", false },
        { "n ne 5", true },
        { "n gt 5", false },
        { "n ge 5", false },
        { "n lt 5", false },
        { "n le 5", false },
        { "not (n gt 5)", true },
        { "PartyType eq 'Person'", false },
        { "PartyType ne 'Person'", true },
        { "TransactionDate lt 2021-01-01", false },
        { "contains(Name, '')", false },
        { "contains(Name, 'x')", false },
        { "startswith(Name, 'x')", false },
        { "endswith(Name, 'x')", false },
        { "not contains(Name, 'x')", true },
    };

    public static TheoryData<string, bool> Ranges => new()
    {
        { "(Name == \"x\")", false },
        { "(Name != \"x\")", true },
        { "(Name == \"\")", false },
        { "(n > 5)", false },
        { "(n <= 5)", false },
        { "(Name like \"*\")", false },
        { "!(Name like \"*\")", true },
    };

    [Theory]
    [MemberData(nameof(ODataFilters))]
    public void A_null_value_equals_only_null(string filter, bool expected)
    {
        Assert.Equal(expected, OData(filter, NullName));
    }

    [Theory]
    [MemberData(nameof(ODataFilters))]
    public void A_field_missing_from_the_row_counts_as_null(string filter, bool expected)
    {
        Assert.Equal(expected, OData(filter, Empty));
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void A_null_value_in_a_range(string range, bool expected)
    {
        Assert.Equal(expected, Range(range, NullName));
        Assert.Equal(expected, Range(range, Empty));
    }

    [Fact]
    public void A_present_value_is_not_null()
    {
        var row = Row(("Name", ""), ("n", 0L));

        Assert.False(OData("Name eq null", row));
        Assert.True(OData("Name ne null", row));
        Assert.False(OData("n eq null", row));
        Assert.True(OData("n ne null", row));
    }
}
