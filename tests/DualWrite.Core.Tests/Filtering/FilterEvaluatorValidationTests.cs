using DualWrite.Core.Filtering;
using DualWrite.Core.Schema;
using static DualWrite.Core.Tests.Filtering.FilterTestTable;

namespace DualWrite.Core.Tests.Filtering;

public class FilterEvaluatorValidationTests
{
    [Theory]
    [InlineData("((PartyType == \"Organization\"))")]
    [InlineData("(Name like \"A*\")")]
    [InlineData("(AccountType == AccountType::Customer)")]
    [InlineData(@"(TransactionDate <= 23\06\2021)")]
    [InlineData(@"(ModifiedOn > 23\06\2021)")]
    [InlineData("((n > 1000) && (n <= 2000))")]
    [InlineData("((CURRENCYCODE != \"999\"))")]
    [InlineData("((Amount > 10) || (Rate <= 0.5)) && !(Blocked == true)")]
    [InlineData("(PartyType == 2)")]
    public void A_range_that_fits_the_table_has_no_problems(string range)
    {
        Assert.Empty(FilterEvaluator.Validate(FinOpsRangeParser.Parse(range), Party));
    }

    [Theory]
    [InlineData("Name eq null or n ne null")]
    [InlineData("PartyType eq Microsoft.Dynamics.DataEntities.DirPartyBaseType'Organization'")]
    [InlineData("contains(Name, 'x') and startswith(CurrencyCode, 'U') and not endswith(Name, 'y')")]
    [InlineData("Id eq 00000000-0000-0000-0000-000000000001 and ParentId ne 00000000-0000-0000-0000-000000000002")]
    [InlineData("ModifiedOn ge 2021-01-01T00:00:00Z and TransactionDate lt 2022-01-01")]
    public void An_odata_filter_that_fits_the_table_has_no_problems(string filter)
    {
        Assert.Empty(FilterEvaluator.Validate(ODataFilterParser.Parse(filter), Party));
    }

    [Theory]
    [InlineData("(Nmae == \"x\")", "'Nmae' is not a field of 'Party'")]
    [InlineData("(Nmae like \"x*\")", "'Nmae' is not a field of 'Party'")]
    [InlineData("(n == \"5\")", "'n' is integer and cannot be compared with the string 5")]
    [InlineData("(n == 1.5)", "'n' is integer and cannot be compared with the decimal 1.5")]
    [InlineData("(Name == 5)", "'Name' is string and cannot be compared with the integer 5")]
    [InlineData("(Blocked == 1)", "'Blocked' is boolean and cannot be compared with the integer 1")]
    [InlineData(@"(Name == 23\06\2021)", "'Name' is string and cannot be compared with the date")]
    [InlineData("(PartyType == \"Company\")", "'Company' is not a member of DirPartyBaseType (members: None, Person, Organization)")]
    [InlineData("(PartyType == AccountType::Customer)", "'PartyType' is of enum DirPartyBaseType, not AccountType")]
    [InlineData("(n like \"1*\")", "like needs a string field; 'n' is integer")]
    [InlineData("(PartyType like \"Org*\")", "like needs a string field; 'PartyType' is enum")]
    [InlineData("(PartyType == 9999999999)", "'PartyType' is enum and cannot be compared with the integer 9999999999")]
    public void A_range_that_does_not_fit_names_the_field(string range, string problem)
    {
        var filter = FinOpsRangeParser.Parse(range);

        var problems = FilterEvaluator.Validate(filter, Party);

        Assert.Contains(problem, Assert.Single(problems), StringComparison.Ordinal);
        var error = Assert.Throws<FilterException>(() => FilterEvaluator.Matches(filter, Row(), Party));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("n gt null", "'n' can only be tested for null with equal or not equal")]
    [InlineData("contains(n, '1')", "contains needs a string field; 'n' is integer")]
    [InlineData("startswith(Blocked, 't')", "startswith needs a string field; 'Blocked' is boolean")]
    [InlineData("Id eq 'abc'", "'Id' is guid and cannot be compared with the string abc")]
    [InlineData("ParentId eq 5", "'ParentId' is lookup and cannot be compared with the integer 5")]
    [InlineData("TransactionDate eq 2021-01-01T00:00:00Z", "'TransactionDate' is date and cannot be compared with the datetime")]
    [InlineData("primarycontactid/fullname eq 'x'", "'primarycontactid/fullname' is not a field of 'Party'")]
    public void An_odata_filter_that_does_not_fit_names_the_field(string filter, string problem)
    {
        var problems = FilterEvaluator.Validate(ODataFilterParser.Parse(filter), Party);

        Assert.Contains(problem, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_once_and_the_error_names_them_all()
    {
        var filter = FinOpsRangeParser.Parse("((Nmae == \"x\") && (n == \"5\")) || !(Nmae == \"y\") || (Blocked == true)");

        var problems = FilterEvaluator.Validate(filter, Party);

        Assert.Equal(["'Nmae' is not a field of 'Party'", "'n' is integer and cannot be compared with the string 5"], problems);
        var error = Assert.Throws<FilterException>(() => FilterEvaluator.Compile(filter, Party));
        Assert.Equal(string.Join("; ", problems), error.Message);
    }

    [Fact]
    public void A_problem_is_reported_even_where_the_row_would_not_reach_it()
    {
        var filter = FinOpsRangeParser.Parse("(n == 1) || (Nmae == \"x\")");

        Assert.Throws<FilterException>(() => FilterEvaluator.Matches(filter, Row(("n", 1L)), Party));
    }

    [Fact]
    public void A_resolver_decides_which_fields_exist()
    {
        var filter = FinOpsRangeParser.Parse("(Name == \"x\")");

        Assert.Empty(FilterEvaluator.Validate(filter, Party));
        Assert.Equal(["'Name' is not a field of 'Party'"], FilterEvaluator.Validate(filter, Party, _ => null));
    }

    [Fact]
    public void A_row_value_of_the_wrong_type_is_refused_without_showing_it()
    {
        var filter = FinOpsRangeParser.Parse("(n == 5)");

        var error = Assert.Throws<FilterException>(() => FilterEvaluator.Matches(filter, Row(("n", "s3cr3t")), Party));

        Assert.Equal("'n' is integer but holds a value of type String", error.Message);
    }

    [Fact]
    public void An_unknown_kind_of_node_is_a_problem()
    {
        Assert.Equal(["the filter node CustomExpression is not supported"], FilterEvaluator.Validate(new CustomExpression(), Party));
    }

    private sealed record CustomExpression : FilterExpression;
}
