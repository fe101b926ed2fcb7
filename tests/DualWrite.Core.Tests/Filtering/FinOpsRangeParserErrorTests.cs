using DualWrite.Core.Filtering;

namespace DualWrite.Core.Tests.Filtering;

public class FinOpsRangeParserErrorTests
{
    private static FilterParseException Fails(string range, int position, string expected)
    {
        var error = Assert.Throws<FilterParseException>(() => FinOpsRangeParser.Parse(range));
        Assert.Equal(range, error.Filter);
        Assert.Equal(position, error.Position);
        Assert.Contains(expected, error.Expected, StringComparison.Ordinal);
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
        return error;
    }

    [Theory]
    [InlineData("(name == \"abc)", 9)]
    [InlineData("(name == \"abc\\\")", 9)]
    [InlineData("name like \"A*", 10)]
    [InlineData("\"", 0)]
    [InlineData("(a == \"x\") && (b == \"y)", 20)]
    public void An_unclosed_string_is_reported_where_it_opens(string range, int position)
    {
        Fails(range, position, "closing quote");
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 3)]
    [InlineData("()", 1)]
    [InlineData("(a == 1) && ", 12)]
    [InlineData("(a == 1) || ()", 13)]
    [InlineData("( == 1)", 2)]
    public void A_missing_condition_is_reported(string range, int position)
    {
        Fails(range, position, "a condition");
    }

    [Theory]
    [InlineData("(a == )", 6)]
    [InlineData("a ==", 4)]
    [InlineData("(a < && b > 1)", 5)]
    public void A_missing_right_operand_is_reported(string range, int position)
    {
        Fails(range, position, "a field name or a literal value");
    }

    [Theory]
    [InlineData("(a = 1)", 3, "'=='")]
    [InlineData("(a <> 1)", 3, "'!='")]
    [InlineData("(a == 1) & (b == 2)", 9, "'&&'")]
    [InlineData("(a == 1) | (b == 2)", 9, "'||'")]
    [InlineData("(a == 'x')", 6, "double-quoted")]
    [InlineData("(a == 1) and (b == 2)", 9, "'&&', '||'")]
    [InlineData("(a eq 1)", 3, "comparison operator")]
    [InlineData("(a 1)", 3, "comparison operator")]
    [InlineData("(a)", 2, "comparison operator")]
    [InlineData("(a == 1 b == 2)", 8, "'&&', '||' or ')'")]
    [InlineData("(a =! 1)", 3, "'=='")]
    [InlineData("(a == 1) ; drop", 9, "an operator")]
    public void An_unknown_or_missing_operator_is_reported(string range, int position, string expected)
    {
        Fails(range, position, expected);
    }

    [Fact]
    public void The_first_mistake_in_the_text_is_the_one_reported()
    {
        Fails("(a = 1) && (b == \"x)", 3, "'=='");
    }

    [Theory]
    [InlineData(@"(d == 32\13\2021)", 6)]
    [InlineData(@"(d == 32\01\2021)", 6)]
    [InlineData(@"(d == 29\02\2023)", 6)]
    [InlineData(@"(d == 00\01\2021)", 6)]
    [InlineData(@"(d == 01\00\2021)", 6)]
    [InlineData(@"(d == 01\01\0000)", 6)]
    public void An_impossible_date_is_reported_where_it_starts(string range, int position)
    {
        Fails(range, position, @"a valid date as dd\MM\yyyy");
    }

    [Theory]
    [InlineData(@"(d == 23\06)", 6)]
    [InlineData(@"(d == 23\06\21)", 6)]
    [InlineData(@"(d == 2021\06\23)", 6)]
    [InlineData(@"(d == 23\06\2021\1)", 6)]
    [InlineData(@"(d == 23\\06\2021)", 6)]
    [InlineData(@"(d == 23\06\2021x)", 6)]
    [InlineData(@"(d == 123\06\2021)", 6)]
    public void A_malformed_date_is_reported_where_it_starts(string range, int position)
    {
        Fails(range, position, @"a date as dd\MM\yyyy");
    }

    [Theory]
    [InlineData("(n == 12abc)", 6)]
    [InlineData("(n == 1.)", 6)]
    [InlineData("(n == 1.2.3)", 6)]
    [InlineData("(n == -)", 6)]
    public void A_malformed_number_is_reported(string range, int position)
    {
        var error = Assert.Throws<FilterParseException>(() => FinOpsRangeParser.Parse(range));

        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void A_number_too_large_for_any_numeric_type_is_reported()
    {
        Fails("(n == 99999999999999999999999999999999)", 6, "a number in range");
    }

    [Theory]
    [InlineData("(a == AccountType::)", 19)]
    [InlineData("(a == AccountType:: Customer)", 19)]
    [InlineData("(a == AccountType::1)", 19)]
    public void An_enum_literal_without_a_member_is_reported_after_the_colons(string range, int position)
    {
        Fails(range, position, "a member name after 'AccountType::'");
    }

    [Theory]
    [InlineData("((a == 1)", 9, "')'")]
    [InlineData("(((a == 1) && (b == 2))", 23, "')'")]
    [InlineData("(a == 1))", 8, "no matching '('")]
    [InlineData(")", 0, "a condition")]
    [InlineData("(a == 1) (b == 2)", 9, "'&&', '||' or the end")]
    [InlineData("(a == 1) b", 9, "'&&', '||' or the end")]
    public void Unbalanced_parentheses_and_trailing_text_are_reported(string range, int position, string expected)
    {
        Fails(range, position, expected);
    }

    [Theory]
    [InlineData("(\"A*\" like name)", 1, "a field name on the left of 'like'")]
    [InlineData("(name like A)", 11, "a double-quoted pattern after 'like'")]
    [InlineData("(name like 5)", 11, "a double-quoted pattern after 'like'")]
    [InlineData("(name like)", 10, "a double-quoted pattern after 'like'")]
    public void Like_needs_a_field_and_a_quoted_pattern(string range, int position, string expected)
    {
        Fails(range, position, expected);
    }

    [Theory]
    [InlineData("(a == b)", 6, "comparing two fields")]
    [InlineData("(1 == 2)", 6, "a field name on one side")]
    public void A_comparison_needs_one_field_and_one_literal(string range, int position, string expected)
    {
        Fails(range, position, expected);
    }

    [Theory]
    [InlineData("!a == 1", 1)]
    [InlineData("(!name like \"A*\")", 2)]
    [InlineData("!", 1)]
    public void Not_applies_only_to_a_parenthesised_condition(string range, int position)
    {
        Fails(range, position, "'(' after '!'");
    }

    [Theory]
    [InlineData("(a.b == 1)", 2)]
    [InlineData("(a == 1) # x", 9)]
    [InlineData("@", 0)]
    public void A_character_that_starts_no_token_is_reported(string range, int position)
    {
        Fails(range, position, "a field name, a literal, an operator or a parenthesis");
    }

    [Fact]
    public void A_null_range_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => FinOpsRangeParser.Parse(null!));
    }
}
