using static DualWrite.Core.Tests.Filtering.FilterTestTable;

namespace DualWrite.Core.Tests.Filtering;

public class FilterEvaluatorMatchTests
{
    [Theory]
    [InlineData("contains(Name, 'oso')", "Contoso", true)]
    [InlineData("contains(Name, 'OSO')", "Contoso", true)]
    [InlineData("contains(Name, 'xyz')", "Contoso", false)]
    [InlineData("contains(Name, '')", "Contoso", true)]
    [InlineData("startswith(Name, 'con')", "Contoso", true)]
    [InlineData("startswith(Name, 'oso')", "Contoso", false)]
    [InlineData("endswith(Name, 'OSO')", "Contoso", true)]
    [InlineData("endswith(Name, 'Con')", "Contoso", false)]
    [InlineData("contains(Name, '.*')", "Contoso", false)]
    [InlineData("contains(Name, '.*')", "a.*b", true)]
    [InlineData("startswith(Name, '%')", "Contoso", false)]
    [InlineData("contains(Name, '_')", "Contoso", false)]
    public void OData_text_functions_match_literally_ignoring_case(string filter, string value, bool expected)
    {
        Assert.Equal(expected, OData(filter, Row(("Name", value))));
    }

    [Theory]
    [InlineData("A*", "Alpha", true)]
    [InlineData("A*", "alpha", true)]
    [InlineData("A*", "A", true)]
    [InlineData("A*", "Beta", false)]
    [InlineData("A*", "", false)]
    [InlineData("*A*", "Beta", true)]
    [InlineData("*A*", "Bob", false)]
    [InlineData("*son", "Johnson", true)]
    [InlineData("*son", "Johnsons", false)]
    [InlineData("J*n", "John", true)]
    [InlineData("J*n", "Jn", true)]
    [InlineData("J*n", "Joh", false)]
    [InlineData("*", "", true)]
    [InlineData("*", "anything", true)]
    [InlineData("**", "x", true)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    [InlineData("abc", "ABC", true)]
    [InlineData("abc", "abcd", false)]
    [InlineData("a*b*c", "aXbYc", true)]
    [InlineData("a*b*c", "abcbc", true)]
    [InlineData("a*b*c", "acb", false)]
    [InlineData("*ab*ab", "xabyabab", true)]
    public void Star_matches_any_run_of_characters(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, Range($"(Name like \"{pattern}\")", Row(("Name", value))));
    }

    [Theory]
    [InlineData("A?C", "ABC", true)]
    [InlineData("A?C", "abc", true)]
    [InlineData("A?C", "AC", false)]
    [InlineData("A?C", "ABBC", false)]
    [InlineData("???", "abc", true)]
    [InlineData("???", "ab", false)]
    [InlineData("?*", "", false)]
    [InlineData("?*", "a", true)]
    [InlineData("*?", "ab", true)]
    [InlineData("US-??", "US-01", true)]
    [InlineData("US-??", "US-1", false)]
    public void Question_mark_matches_exactly_one_character(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, Range($"(Name like \"{pattern}\")", Row(("Name", value))));
    }

    [Fact]
    public void Question_mark_matches_a_character_outside_the_basic_plane_as_one()
    {
        Assert.True(Range("(Name like \"a?b\")", Row(("Name", "a\U0001F600b"))));
        Assert.False(Range("(Name like \"a??b\")", Row(("Name", "a\U0001F600b"))));
    }

    [Theory]
    [InlineData("a.b*", "a.bcd", true)]
    [InlineData("a.b*", "axbcd", false)]
    [InlineData("a+", "aa", false)]
    [InlineData("a+", "a+", true)]
    [InlineData("[ab]", "a", false)]
    [InlineData("[ab]", "[AB]", true)]
    [InlineData("^a$", "a", false)]
    [InlineData("^a$", "^A$", true)]
    [InlineData("(a|b)", "a", false)]
    [InlineData("(a|b)", "(a|b)", true)]
    [InlineData("a\\\\d", "a\\d", true)]
    [InlineData("a\\\\d", "a1", false)]
    [InlineData("100%", "100%", true)]
    [InlineData("100%", "1000", false)]
    [InlineData("a_c", "abc", false)]
    [InlineData("a_c", "A_C", true)]
    [InlineData("{2}", "{2}", true)]
    public void Other_characters_in_a_pattern_match_only_themselves(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, Range($"(Name like \"{pattern}\")", Row(("Name", value))));
    }

    [Fact]
    public void A_pathological_pattern_finishes_quickly()
    {
        var value = new string('a', 5000);
        var pattern = string.Concat(Enumerable.Repeat("*a", 50)) + "b";

        Assert.False(Range($"(Name like \"{pattern}\")", Row(("Name", value))));
    }

    [Fact]
    public void Not_like_excludes_the_matches()
    {
        Assert.False(Range("(!(Name like \"*A*\"))", Row(("Name", "Contoso Bank"))));
        Assert.True(Range("(!(Name like \"*A*\"))", Row(("Name", "Contoso"))));
    }
}
