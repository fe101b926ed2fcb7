using DualWrite.Core.Filtering;

namespace DualWrite.Core.Tests.Filtering;

public class FinOpsRangeParserStructureTests
{
    private static ComparisonExpression Cmp(string field, ComparisonOperator op, long value) =>
        new(field, op, new FilterLiteral(LiteralKind.Integer, value));

    private static ComparisonExpression Eq(string field, long value) => Cmp(field, ComparisonOperator.Equal, value);

    private static ComparisonExpression EqText(string field, string value) =>
        new(field, ComparisonOperator.Equal, new FilterLiteral(LiteralKind.String, value));

    [Fact]
    public void An_enum_member_named_by_a_string_in_double_parentheses()
    {
        var parsed = FinOpsRangeParser.Parse("((PartyType == \"Organization\"))");

        Assert.Equal(EqText("PartyType", "Organization"), parsed);
    }

    [Fact]
    public void A_like_pattern_is_a_wildcard_match()
    {
        var parsed = FinOpsRangeParser.Parse("(name like \"A*\")");

        Assert.Equal(new MatchExpression("name", MatchKind.Wildcard, "A*"), parsed);
    }

    [Fact]
    public void A_negated_like_is_a_not_around_the_match()
    {
        var parsed = FinOpsRangeParser.Parse("(!(name like \"*A*\"))");

        Assert.Equal(new NotExpression(new MatchExpression("name", MatchKind.Wildcard, "*A*")), parsed);
    }

    [Fact]
    public void An_enum_literal_compares_with_a_field_of_the_same_name()
    {
        var parsed = FinOpsRangeParser.Parse("(AccountType == AccountType::Customer)");

        Assert.Equal(
            new ComparisonExpression("AccountType", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.Enum, "Customer", "AccountType")),
            parsed);
    }

    [Fact]
    public void A_date_written_with_backslashes_is_a_date()
    {
        var parsed = FinOpsRangeParser.Parse(@"(TransactionDate <= 23\06\2021)");

        Assert.Equal(
            new ComparisonExpression("TransactionDate", ComparisonOperator.LessThanOrEqual, new FilterLiteral(LiteralKind.Date, new DateOnly(2021, 6, 23))),
            parsed);
    }

    [Fact]
    public void A_range_between_two_numbers()
    {
        var parsed = FinOpsRangeParser.Parse("((n > 1000) && (n <= 2000))");

        Assert.Equal(
            new AndExpression(Cmp("n", ComparisonOperator.GreaterThan, 1000), Cmp("n", ComparisonOperator.LessThanOrEqual, 2000)),
            parsed);
    }

    [Fact]
    public void Field_names_keep_the_case_they_are_written_in()
    {
        var parsed = FinOpsRangeParser.Parse("((CURRENCYCODE != \"999\"))");

        Assert.Equal(new ComparisonExpression("CURRENCYCODE", ComparisonOperator.NotEqual, new FilterLiteral(LiteralKind.String, "999")), parsed);
    }

    [Fact]
    public void Or_in_parentheses_and_a_negated_group()
    {
        var parsed = FinOpsRangeParser.Parse("((a == 1) || (b == 2)) && !(c == 3)");

        Assert.Equal(new AndExpression(new OrExpression(Eq("a", 1), Eq("b", 2)), new NotExpression(Eq("c", 3))), parsed);
    }

    [Theory]
    [InlineData("n == 5", ComparisonOperator.Equal)]
    [InlineData("n != 5", ComparisonOperator.NotEqual)]
    [InlineData("n > 5", ComparisonOperator.GreaterThan)]
    [InlineData("n >= 5", ComparisonOperator.GreaterThanOrEqual)]
    [InlineData("n < 5", ComparisonOperator.LessThan)]
    [InlineData("n <= 5", ComparisonOperator.LessThanOrEqual)]
    [InlineData("n==5", ComparisonOperator.Equal)]
    [InlineData("n<=5", ComparisonOperator.LessThanOrEqual)]
    public void Each_comparison_operator_is_recognised(string range, ComparisonOperator expected)
    {
        Assert.Equal(Cmp("n", expected, 5), FinOpsRangeParser.Parse(range));
    }

    [Theory]
    [InlineData("5 == n", ComparisonOperator.Equal)]
    [InlineData("5 != n", ComparisonOperator.NotEqual)]
    [InlineData("5 > n", ComparisonOperator.LessThan)]
    [InlineData("5 >= n", ComparisonOperator.LessThanOrEqual)]
    [InlineData("5 < n", ComparisonOperator.GreaterThan)]
    [InlineData("5 <= n", ComparisonOperator.GreaterThanOrEqual)]
    public void A_literal_on_the_left_is_moved_right_with_the_operator_mirrored(string range, ComparisonOperator expected)
    {
        Assert.Equal(Cmp("n", expected, 5), FinOpsRangeParser.Parse(range));
    }

    [Fact]
    public void A_string_on_the_left_is_moved_right()
    {
        Assert.Equal(EqText("name", "Contoso"), FinOpsRangeParser.Parse("(\"Contoso\" == name)"));
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var parsed = FinOpsRangeParser.Parse("a == 1 || b == 2 && c == 3");

        Assert.Equal(new OrExpression(Eq("a", 1), new AndExpression(Eq("b", 2), Eq("c", 3))), parsed);
    }

    [Fact]
    public void And_binds_tighter_than_or_when_the_and_comes_first()
    {
        var parsed = FinOpsRangeParser.Parse("a == 1 && b == 2 || c == 3");

        Assert.Equal(new OrExpression(new AndExpression(Eq("a", 1), Eq("b", 2)), Eq("c", 3)), parsed);
    }

    [Fact]
    public void Chains_group_to_the_left()
    {
        Assert.Equal(
            new AndExpression(new AndExpression(Eq("a", 1), Eq("b", 2)), Eq("c", 3)),
            FinOpsRangeParser.Parse("a == 1 && b == 2 && c == 3"));
        Assert.Equal(
            new OrExpression(new OrExpression(Eq("a", 1), Eq("b", 2)), Eq("c", 3)),
            FinOpsRangeParser.Parse("(a == 1) || (b == 2) || (c == 3)"));
    }

    [Fact]
    public void Parentheses_override_precedence()
    {
        var parsed = FinOpsRangeParser.Parse("(a == 1 || b == 2) && c == 3");

        Assert.Equal(new AndExpression(new OrExpression(Eq("a", 1), Eq("b", 2)), Eq("c", 3)), parsed);
    }

    [Fact]
    public void Not_binds_tighter_than_and_and_or()
    {
        var parsed = FinOpsRangeParser.Parse("!(a == 1) && b == 2 || !(c == 3)");

        Assert.Equal(
            new OrExpression(new AndExpression(new NotExpression(Eq("a", 1)), Eq("b", 2)), new NotExpression(Eq("c", 3))),
            parsed);
    }

    [Fact]
    public void Not_before_a_group_negates_the_whole_group()
    {
        var parsed = FinOpsRangeParser.Parse("!(a == 1 || b == 2)");

        Assert.Equal(new NotExpression(new OrExpression(Eq("a", 1), Eq("b", 2))), parsed);
    }

    [Fact]
    public void Not_may_be_doubled()
    {
        Assert.Equal(new NotExpression(new NotExpression(Eq("a", 1))), FinOpsRangeParser.Parse("!!(a == 1)"));
        Assert.Equal(new NotExpression(new NotExpression(Eq("a", 1))), FinOpsRangeParser.Parse("! ! (a == 1)"));
    }

    [Fact]
    public void Not_equal_is_one_operator_not_a_negation()
    {
        Assert.Equal(Cmp("a", ComparisonOperator.NotEqual, 1), FinOpsRangeParser.Parse("a!=1"));
    }

    [Fact]
    public void Redundant_parentheses_leave_no_trace()
    {
        Assert.Equal(Eq("a", 1), FinOpsRangeParser.Parse("((((a == 1))))"));
    }

    [Fact]
    public void Whitespace_of_any_kind_is_ignored()
    {
        Assert.Equal(
            new AndExpression(Eq("a", 1), Eq("b", 2)),
            FinOpsRangeParser.Parse(" \t(\n(a==1)&&(b\r\n== 2) )  "));
    }

    [Theory]
    [InlineData("like")]
    [InlineData("LIKE")]
    [InlineData("Like")]
    public void Like_is_a_keyword_in_any_case(string keyword)
    {
        Assert.Equal(new MatchExpression("Name", MatchKind.Wildcard, "A?c"), FinOpsRangeParser.Parse($"Name {keyword} \"A?c\""));
    }

    [Fact]
    public void A_like_pattern_keeps_regex_characters_as_text()
    {
        Assert.Equal(new MatchExpression("Name", MatchKind.Wildcard, "a.b+(c)[d]$^|*"), FinOpsRangeParser.Parse("(Name like \"a.b+(c)[d]$^|*\")"));
    }

    [Fact]
    public void Names_may_hold_digits_and_underscores()
    {
        Assert.Equal(Eq("_Line_2", 1), FinOpsRangeParser.Parse("(_Line_2 == 1)"));
    }

    [Fact]
    public void Several_kinds_of_condition_combine()
    {
        var parsed = FinOpsRangeParser.Parse(
            @"((CustGroup == ""10"") && (AccountType == AccountType::Customer) && !(Name like ""Test*"") && (Created >= 01\01\2020))");

        Assert.Equal(
            new AndExpression(
                new AndExpression(
                    new AndExpression(
                        EqText("CustGroup", "10"),
                        new ComparisonExpression("AccountType", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.Enum, "Customer", "AccountType"))),
                    new NotExpression(new MatchExpression("Name", MatchKind.Wildcard, "Test*"))),
                new ComparisonExpression("Created", ComparisonOperator.GreaterThanOrEqual, new FilterLiteral(LiteralKind.Date, new DateOnly(2020, 1, 1)))),
            parsed);
    }
}
