using DualWrite.Core.Filtering;

namespace DualWrite.Core.Tests.Filtering;

public class ODataFilterParserStructureTests
{
    private static ComparisonExpression Eq(string field, long value) =>
        new(field, ComparisonOperator.Equal, new FilterLiteral(LiteralKind.Integer, value));

    [Theory]
    [InlineData("n eq 5", ComparisonOperator.Equal)]
    [InlineData("n ne 5", ComparisonOperator.NotEqual)]
    [InlineData("n gt 5", ComparisonOperator.GreaterThan)]
    [InlineData("n ge 5", ComparisonOperator.GreaterThanOrEqual)]
    [InlineData("n lt 5", ComparisonOperator.LessThan)]
    [InlineData("n le 5", ComparisonOperator.LessThanOrEqual)]
    public void Each_comparison_operator_is_recognised(string filter, ComparisonOperator expected)
    {
        var parsed = ODataFilterParser.Parse(filter);

        Assert.Equal(new ComparisonExpression("n", expected, new FilterLiteral(LiteralKind.Integer, 5L)), parsed);
    }

    [Theory]
    [InlineData("5 eq n", ComparisonOperator.Equal)]
    [InlineData("5 ne n", ComparisonOperator.NotEqual)]
    [InlineData("5 gt n", ComparisonOperator.LessThan)]
    [InlineData("5 ge n", ComparisonOperator.LessThanOrEqual)]
    [InlineData("5 lt n", ComparisonOperator.GreaterThan)]
    [InlineData("5 le n", ComparisonOperator.GreaterThanOrEqual)]
    public void A_literal_on_the_left_is_moved_right_with_the_operator_mirrored(string filter, ComparisonOperator expected)
    {
        var parsed = ODataFilterParser.Parse(filter);

        Assert.Equal(new ComparisonExpression("n", expected, new FilterLiteral(LiteralKind.Integer, 5L)), parsed);
    }

    [Fact]
    public void A_string_literal_on_the_left_is_moved_right()
    {
        var parsed = ODataFilterParser.Parse("'Contoso' eq name");

        Assert.Equal(new ComparisonExpression("name", ComparisonOperator.Equal, new FilterLiteral(LiteralKind.String, "Contoso")), parsed);
    }

    [Fact]
    public void Null_on_the_left_is_moved_right()
    {
        var parsed = ODataFilterParser.Parse("null ne parentaccountid");

        Assert.Equal(new ComparisonExpression("parentaccountid", ComparisonOperator.NotEqual, FilterLiteral.Null), parsed);
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var parsed = ODataFilterParser.Parse("a eq 1 or b eq 2 and c eq 3");

        Assert.Equal(new OrExpression(Eq("a", 1), new AndExpression(Eq("b", 2), Eq("c", 3))), parsed);
    }

    [Fact]
    public void And_binds_tighter_than_or_when_the_and_comes_first()
    {
        var parsed = ODataFilterParser.Parse("a eq 1 and b eq 2 or c eq 3");

        Assert.Equal(new OrExpression(new AndExpression(Eq("a", 1), Eq("b", 2)), Eq("c", 3)), parsed);
    }

    [Fact]
    public void Chained_and_groups_to_the_left()
    {
        var parsed = ODataFilterParser.Parse("a eq 1 and b eq 2 and c eq 3");

        Assert.Equal(new AndExpression(new AndExpression(Eq("a", 1), Eq("b", 2)), Eq("c", 3)), parsed);
    }

    [Fact]
    public void Chained_or_groups_to_the_left()
    {
        var parsed = ODataFilterParser.Parse("a eq 1 or b eq 2 or c eq 3");

        Assert.Equal(new OrExpression(new OrExpression(Eq("a", 1), Eq("b", 2)), Eq("c", 3)), parsed);
    }

    [Fact]
    public void Parentheses_override_precedence()
    {
        var parsed = ODataFilterParser.Parse("(a eq 1 or b eq 2) and c eq 3");

        Assert.Equal(new AndExpression(new OrExpression(Eq("a", 1), Eq("b", 2)), Eq("c", 3)), parsed);
    }

    [Fact]
    public void Parentheses_on_the_right_group_the_right_operand()
    {
        var parsed = ODataFilterParser.Parse("a eq 1 and (b eq 2 or c eq 3)");

        Assert.Equal(new AndExpression(Eq("a", 1), new OrExpression(Eq("b", 2), Eq("c", 3))), parsed);
    }

    [Fact]
    public void Redundant_and_nested_parentheses_leave_no_trace()
    {
        var parsed = ODataFilterParser.Parse("((((a eq 1))))");

        Assert.Equal(Eq("a", 1), parsed);
    }

    [Fact]
    public void Parentheses_need_no_surrounding_spaces()
    {
        var parsed = ODataFilterParser.Parse("(a eq 1)or(b eq 2)");

        Assert.Equal(new OrExpression(Eq("a", 1), Eq("b", 2)), parsed);
    }

    [Fact]
    public void Not_binds_tighter_than_and()
    {
        var parsed = ODataFilterParser.Parse("not a eq 1 and b eq 2");

        Assert.Equal(new AndExpression(new NotExpression(Eq("a", 1)), Eq("b", 2)), parsed);
    }

    [Fact]
    public void Not_on_the_right_of_and_applies_only_to_its_comparison()
    {
        var parsed = ODataFilterParser.Parse("a eq 1 and not b eq 2 or c eq 3");

        Assert.Equal(new OrExpression(new AndExpression(Eq("a", 1), new NotExpression(Eq("b", 2))), Eq("c", 3)), parsed);
    }

    [Fact]
    public void Not_before_parentheses_negates_the_whole_group()
    {
        var parsed = ODataFilterParser.Parse("not (a eq 1 or b eq 2) and c eq 3");

        Assert.Equal(new AndExpression(new NotExpression(new OrExpression(Eq("a", 1), Eq("b", 2))), Eq("c", 3)), parsed);
    }

    [Fact]
    public void Not_directly_followed_by_a_parenthesis_is_still_the_operator()
    {
        var parsed = ODataFilterParser.Parse("not(a eq 1)");

        Assert.Equal(new NotExpression(Eq("a", 1)), parsed);
    }

    [Fact]
    public void Double_not_is_kept_as_two_negations()
    {
        var parsed = ODataFilterParser.Parse("not not a eq 1");

        Assert.Equal(new NotExpression(new NotExpression(Eq("a", 1))), parsed);
    }

    [Theory]
    [InlineData("notes eq 1", "notes")]
    [InlineData("order eq 1", "order")]
    [InlineData("android eq 1", "android")]
    [InlineData("nullable eq 1", "nullable")]
    [InlineData("trueup eq 1", "trueup")]
    [InlineData("contains eq 1", "contains")]
    public void Field_names_that_begin_with_or_equal_a_keyword_are_fields(string filter, string field)
    {
        var parsed = ODataFilterParser.Parse(filter);

        Assert.Equal(Eq(field, 1), parsed);
    }

    [Theory]
    [InlineData("contains(name,'Con')", MatchKind.Contains)]
    [InlineData("startswith(name,'Con')", MatchKind.StartsWith)]
    [InlineData("endswith(name,'Con')", MatchKind.EndsWith)]
    public void Text_functions_become_match_expressions(string filter, MatchKind kind)
    {
        var parsed = ODataFilterParser.Parse(filter);

        Assert.Equal(new MatchExpression("name", kind, "Con"), parsed);
    }

    [Fact]
    public void Text_functions_allow_spaces_around_their_arguments()
    {
        var parsed = ODataFilterParser.Parse("contains ( name , 'a b' )");

        Assert.Equal(new MatchExpression("name", MatchKind.Contains, "a b"), parsed);
    }

    [Fact]
    public void Text_function_arguments_keep_doubled_quotes_as_one_quote()
    {
        var parsed = ODataFilterParser.Parse("startswith(name,'O''B')");

        Assert.Equal(new MatchExpression("name", MatchKind.StartsWith, "O'B"), parsed);
    }

    [Fact]
    public void Text_functions_combine_with_logical_operators()
    {
        var parsed = ODataFilterParser.Parse("not contains(name,'x') and endswith(address1_city,'ton') or n eq 1");

        Assert.Equal(
            new OrExpression(
                new AndExpression(
                    new NotExpression(new MatchExpression("name", MatchKind.Contains, "x")),
                    new MatchExpression("address1_city", MatchKind.EndsWith, "ton")),
                Eq("n", 1)),
            parsed);
    }

    [Theory]
    [InlineData("primarycontactid/fullname eq 1", "primarycontactid/fullname")]
    [InlineData("_msdyn_company_value eq 1", "_msdyn_company_value")]
    [InlineData("a/b/c eq 1", "a/b/c")]
    [InlineData("Address2 eq 1", "Address2")]
    public void Field_paths_and_names_are_kept_verbatim(string filter, string field)
    {
        var parsed = ODataFilterParser.Parse(filter);

        Assert.Equal(Eq(field, 1), parsed);
    }

    [Fact]
    public void Field_paths_work_inside_text_functions()
    {
        var parsed = ODataFilterParser.Parse("contains(primarycontactid/fullname,'Ann')");

        Assert.Equal(new MatchExpression("primarycontactid/fullname", MatchKind.Contains, "Ann"), parsed);
    }

    [Fact]
    public void Whitespace_of_any_kind_and_amount_separates_tokens()
    {
        var parsed = ODataFilterParser.Parse("\t a  eq\n1 \r\n and   b eq 2  ");

        Assert.Equal(new AndExpression(Eq("a", 1), Eq("b", 2)), parsed);
    }

    [Fact]
    public void A_realistic_filter_parses_to_the_expected_tree()
    {
        var parsed = ODataFilterParser.Parse(
            "(statecode eq 0 and revenue ge 1000.50) or (startswith(name,'A') and not (customertypecode eq null))");

        Assert.Equal(
            new OrExpression(
                new AndExpression(
                    Eq("statecode", 0),
                    new ComparisonExpression("revenue", ComparisonOperator.GreaterThanOrEqual, new FilterLiteral(LiteralKind.Decimal, 1000.50m))),
                new AndExpression(
                    new MatchExpression("name", MatchKind.StartsWith, "A"),
                    new NotExpression(new ComparisonExpression("customertypecode", ComparisonOperator.Equal, FilterLiteral.Null)))),
            parsed);
    }
}
