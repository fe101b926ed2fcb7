using DualWrite.Core.Schema;

namespace DualWrite.Core.Tests.Schema;

public sealed class SchemaReaderSyntaxTests
{
    private const string Source = SchemaAssert.Source;

    [Theory]
    [InlineData(
        """{ "environment": "test", "Environment": "other", "tables": [] }""",
        "($.Environment): property 'Environment' is given twice")]
    [InlineData(
        """{ "environment": "test", "tables": [ { "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "string", "type": "integer" } ] } ] }""",
        "($.tables[0].fields[0].type): property 'type' is given twice")]
    [InlineData(
        """{ "environment": "test", "enums": [ { "name": "Colour", "members": { "Red": 1, "Red": 2 } } ], "tables": [] }""",
        "($.enums[0].members.Red): property 'Red' is given twice")]
    public void Rejects_a_property_given_twice_in_one_object(string json, string problem)
    {
        SchemaAssert.Rejects(json, problem);
    }

    [Fact]
    public void Reports_a_syntax_error_by_line_position_and_path_in_plain_words()
    {
        const string json = "{\n  \"environment\": \"test\",\n  \"tables\": [ } ]\n}";

        var error = Assert.Throws<SchemaException>(() => SchemaReader.Parse(json, Source));

        Assert.Equal(
            Source + ": line 3, position 15 ($.tables[0]): '}' is an invalid start of a value.",
            error.Message);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException, exactMatch: false);
    }

    [Fact]
    public void Quotes_a_bad_literal_without_the_rest_of_the_file()
    {
        const string json = """
            { "environment": "test", "tables": [ { "name": "t", "key": ["a"], "fields": [
              { "name": "a", "type": "string", "required": tru },
              { "name": "b", "type": "string" } ] } ] }
            """;

        var error = Assert.Throws<SchemaException>(() => SchemaReader.Parse(json, Source));

        Assert.Equal(
            Source + ": line 2, position 51 ($.tables[0].fields[0].required): 'tru' is an invalid JSON literal. Expected the literal 'true'.",
            error.Message);
    }

    [Fact]
    public void Counts_the_position_in_characters_rather_than_bytes()
    {
        const string json = """{ "environment": "épée", "tables": x }""";

        var error = Assert.Throws<SchemaException>(() => SchemaReader.Parse(json, Source));

        Assert.StartsWith(Source + ": line 1, position 36 ($.tables): 'x' is an invalid start of a value.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "string", "length": "long" } ] }""",
        "($.tables[0].fields[0].length): expected a whole number")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "string", "length": 1.5 } ] }""",
        "($.tables[0].fields[0].length): expected a whole number")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "string", "required": "yes" } ] }""",
        "($.tables[0].fields[0].required): expected true or false")]
    [InlineData(
        """{ "name": "t", "key": "a", "fields": [ { "name": "a", "type": "string" } ] }""",
        "($.tables[0].key): expected an array")]
    [InlineData(
        """{ "name": "t", "key": [1], "fields": [ { "name": "a", "type": "string" } ] }""",
        "($.tables[0].key[0]): expected a string")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ "a" ] }""",
        "($.tables[0].fields[0]): expected an object")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "string", "colour": "red" } ] }""",
        "($.tables[0].fields[0].colour): unknown property 'colour'")]
    public void Reports_a_value_of_the_wrong_kind_without_naming_types_of_the_reader(string table, string problem)
    {
        var error = SchemaAssert.RejectsTable(table, problem);

        Assert.StartsWith(Source + ": line 1, position ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "environment": "test", "tables": [ 5 ] }""", "($.tables[0]): expected an object")]
    [InlineData("""{ "environment": "test", "tables": [], "enums": [ { "name": "Colour", "members": [] } ] }""", "($.enums[0].members): expected an object")]
    [InlineData("""[]""", "($): expected an object")]
    public void Reports_the_kind_of_value_expected_at_any_depth(string json, string problem)
    {
        var error = SchemaAssert.Rejects(json, problem);

        Assert.EndsWith(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }
}
