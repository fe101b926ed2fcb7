using DualWrite.Core.Schema;

namespace DualWrite.Core.Tests.Schema;

public sealed class SchemaReaderTests
{
    private const string Source = "broken/schema.json";

    [Fact]
    public void Reads_a_minimal_schema_and_fills_in_the_defaults()
    {
        const string json = """
            {
              // Comments and trailing commas are allowed so that schema files can explain themselves.
              "Environment": "dataverse",
              "enums": [ { "name": "colour", "members": { "Red": 1, "Green": 2 } } ],
              "tables": [
                {
                  "name": "widget",
                  "primaryId": "widgetid",
                  "primaryName": "name",
                  "fields": [
                    { "name": "widgetid", "type": "guid" },
                    { "name": "name", "type": "String", "length": 100, "required": true },
                    { "name": "price", "type": "money" },
                    { "name": "colour", "type": "enum", "enum": "COLOUR" },
                    { "name": "parent", "type": "lookup", "target": "Widget", "validForUpdate": false },
                  ],
                },
              ],
            }
            """;

        var schema = SchemaReader.Parse(json, Source);
        var widget = schema.GetTable("widget");

        Assert.Equal("dataverse", schema.Environment);
        Assert.Equal("widget", widget.EntitySet);
        Assert.Equal(["widgetid"], widget.Key);
        Assert.Empty(widget.AlternateKeys);
        Assert.False(widget.IsCompanySpecific);
        Assert.Equal(FieldType.String, widget.GetField("name").Type);
        Assert.True(widget.GetField("name").IsRequired);
        Assert.Equal(4, widget.GetField("price").Scale);
        Assert.Null(widget.GetField("price").MaxLength);
        Assert.Same(schema.Enums.Single(), widget.GetField("colour").Enum);
        Assert.True(widget.GetField("parent").IsValidForCreate);
        Assert.False(widget.GetField("parent").IsValidForUpdate);
        Assert.False(widget.GetField("name").IsSecret);
    }

    [Fact]
    public void Prefers_an_explicit_key_to_the_primary_id()
    {
        const string json = """
            { "environment": "finops", "tables": [ { "name": "T", "company": "dataAreaId", "key": ["dataAreaId", "Code"],
              "fields": [ { "name": "dataAreaId", "type": "string" }, { "name": "Code", "type": "string" } ] } ] }
            """;

        var table = SchemaReader.Parse(json, Source).GetTable("t");

        Assert.Equal("dataAreaId,Code", string.Join(",", table.Key));
        Assert.Equal("dataAreaId", table.CompanyField);
    }

    [Theory]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "text" } ] }""",
        "table 't', field 'a': unknown type 'text'")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "7" } ] }""",
        "table 't', field 'a': unknown type '7'")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "string", "colour": "red" } ] }""",
        "unknown property 'colour'")]
    [InlineData(
        """{ "name": "t", "primaryKey": ["a"], "fields": [ { "name": "a", "type": "string" } ] }""",
        "unknown property 'primaryKey'")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "string" }, { "name": "b", "type": "lookup", "target": "nowhere" } ] }""",
        "lookup 't.b' targets unknown table 'nowhere'")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "string" }, { "name": "b", "type": "lookup" } ] }""",
        "table 't', field 'b': a lookup needs a target table")]
    [InlineData(
        """{ "name": "t", "key": ["missing"], "fields": [ { "name": "a", "type": "string" } ] }""",
        "table 't': key names field 'missing', which is not declared")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "alternateKeys": [ { "name": "ak", "fields": ["a", "missing"] } ], "fields": [ { "name": "a", "type": "string" } ] }""",
        "table 't': alternate key 'ak' names field 'missing', which is not declared")]
    [InlineData(
        """{ "name": "t", "company": "dataAreaId", "key": ["a"], "fields": [ { "name": "a", "type": "string" } ] }""",
        "table 't': company field names field 'dataAreaId', which is not declared")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "Name", "type": "string" }, { "name": "a", "type": "string" }, { "name": "name", "type": "integer" } ] }""",
        "table 't': field 'name' is declared twice")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "enum", "enum": "Shade" } ] }""",
        "table 't', field 'a': enum 'Shade' is not declared")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "enum" } ] }""",
        "table 't', field 'a': enum '' is not declared")]
    [InlineData(
        """{ "name": "t", "fields": [ { "name": "a", "type": "string" } ] }""",
        "table 't' has no key")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "string" } ] }, { "name": "T", "key": ["a"], "fields": [ { "name": "a", "type": "string" } ] }""",
        "table 'T' (T) is declared twice")]
    [InlineData(
        """{ "name": "t", "entitySet": "things", "key": ["a"], "fields": [ { "name": "a", "type": "string" } ] }, { "name": "u", "entitySet": "Things", "key": ["a"], "fields": [ { "name": "a", "type": "string" } ] }""",
        "table 'u' (Things) is declared twice")]
    [InlineData(
        """{ "key": ["a"], "fields": [ { "name": "a", "type": "string" } ] }""",
        "table #1 has no name")]
    [InlineData(
        """{ "name": " ", "key": ["a"], "fields": [ { "name": "a", "type": "string" } ] }""",
        "table #1 has no name")]
    [InlineData(
        """{ "name": "t", "key": ["a"] }""",
        "table 't' has no fields")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [] }""",
        "table 't' has no fields")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "string" }, { "type": "string" } ] }""",
        "table 't', field #2 has no name")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "string" }, null ] }""",
        "table 't', field #2 is null")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "fields": [ { "name": "a" } ] }""",
        "table 't', field 'a' has no type")]
    [InlineData(
        """{ "name": "t", "key": ["a", null], "fields": [ { "name": "a", "type": "string" } ] }""",
        "table 't': key has a blank field name")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "alternateKeys": [ { "fields": ["a"] } ], "fields": [ { "name": "a", "type": "string" } ] }""",
        "table 't': alternate key #1 has no name")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "alternateKeys": [ null ], "fields": [ { "name": "a", "type": "string" } ] }""",
        "table 't': alternate key #1 is null")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "alternateKeys": [ { "name": "ak" } ], "fields": [ { "name": "a", "type": "string" } ] }""",
        "table 't': alternate key 'ak' has no fields")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "alternateKeys": [ { "name": "ak", "fields": [" "] } ], "fields": [ { "name": "a", "type": "string" } ] }""",
        "table 't': alternate key 'ak' has a blank field name")]
    public void Rejects_a_malformed_table_naming_the_source_and_the_problem(string table, string problem)
    {
        var json = $$"""{ "environment": "test", "enums": [ { "name": "Colour", "members": { "Red": 1 } } ], "tables": [ {{table}} ] }""";

        var error = Assert.Throws<SchemaException>(() => SchemaReader.Parse(json, Source));

        Assert.StartsWith(Source + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "name": "Colour", "members": { "Red": 1, "Crimson": 1 } }""", "enum 'Colour' has member 'Crimson' (1) twice")]
    [InlineData("""{ "name": "Colour", "members": { "Red": 1, "RED": 2 } }""", "enum 'Colour' has member 'RED' (2) twice")]
    [InlineData("""{ "name": "Colour", "members": { "Red": "one" } }""", "$.enums[0].members.Red")]
    [InlineData("""{ "members": { "Red": 1 } }""", "enum #1 has no name")]
    [InlineData("""null""", "enum #1 is null")]
    [InlineData("""{ "name": "Colour" }""", "enum 'Colour' has no members")]
    [InlineData("""{ "name": "Colour", "members": null }""", "enum 'Colour' has no members")]
    [InlineData("""{ "name": "Colour", "members": {} }""", "enum 'Colour' has no members")]
    [InlineData("""{ "name": "Colour", "members": { "Red": 1 } }, { "name": "COLOUR", "members": { "Blue": 1 } }""", "enum 'COLOUR' is declared twice")]
    public void Rejects_a_malformed_enum_naming_the_source_and_the_problem(string enumJson, string problem)
    {
        var json = $$"""{ "environment": "test", "enums": [ {{enumJson}} ], "tables": [] }""";

        var error = Assert.Throws<SchemaException>(() => SchemaReader.Parse(json, Source));

        Assert.StartsWith(Source + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "tables": [] }""", "the schema names no environment")]
    [InlineData("""{ "environment": null, "tables": [] }""", "the schema names no environment")]
    [InlineData("""{ "environment": "", "tables": [] }""", "the schema names no environment")]
    [InlineData("""{ "environment": "test" }""", "the schema has no tables list")]
    [InlineData("""{ "environment": "test", "tables": null }""", "the schema has no tables list")]
    [InlineData("""{ "environment": "test", "tables": [ null ] }""", "table #1 is null")]
    public void Rejects_a_document_missing_its_environment_or_tables(string json, string problem)
    {
        var error = Assert.Throws<SchemaException>(() => SchemaReader.Parse(json, Source));

        Assert.StartsWith(Source + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_the_line_of_a_syntax_error()
    {
        const string json = "{\n  \"environment\": \"test\",\n  \"tables\": [ { \"name\": t } ]\n}";

        var error = Assert.Throws<SchemaException>(() => SchemaReader.Parse(json, Source));

        Assert.StartsWith(Source + ": line 3,", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("")]
    public void Rejects_an_empty_document(string json)
    {
        var error = Assert.Throws<SchemaException>(() => SchemaReader.Parse(json, Source));

        Assert.StartsWith(Source + ": ", error.Message, StringComparison.Ordinal);
    }
}
