using DualWrite.Core.Schema;

namespace DualWrite.Core.Tests.Schema;

public sealed class SchemaReaderFieldTests
{
    [Theory]
    [InlineData("dateTime", FieldType.DateTime)]
    [InlineData("DATETIME", FieldType.DateTime)]
    [InlineData("Lookup", FieldType.Lookup)]
    [InlineData("guid", FieldType.Guid)]
    public void Reads_a_type_name_in_any_case(string type, FieldType expected)
    {
        var target = type.Equals("lookup", StringComparison.OrdinalIgnoreCase) ? """, "target": "t" """ : "";
        var table = SchemaAssert.ReadsTable(
            $$"""{ "name": "t", "key": ["k"], "fields": [ { "name": "k", "type": "string" }, { "name": "a", "type": "{{type}}"{{target}} } ] }""",
            "t");

        Assert.Equal(expected, table.GetField("a").Type);
    }

    [Theory]
    [InlineData("string, integer")]
    [InlineData("integer,string")]
    [InlineData(" integer ")]
    [InlineData("integer ")]
    [InlineData("")]
    [InlineData("-1")]
    public void Rejects_anything_but_an_exact_type_name(string type)
    {
        SchemaAssert.RejectsTable(
            $$"""{ "name": "t", "key": ["a"], "fields": [ { "name": "a", "type": "{{type}}" } ] }""",
            $"table 't', field 'a': unknown type '{type}'");
    }

    [Theory]
    [InlineData(
        """{ "name": "a", "type": "string", "enum": "Colour" }""",
        "table 't', field 'a': only an enum field names an enum, and this one is string")]
    [InlineData(
        """{ "name": "a", "type": "lookup", "target": "t", "enum": "Colour" }""",
        "table 't', field 'a': only an enum field names an enum, and this one is lookup")]
    [InlineData(
        """{ "name": "a", "type": "string", "target": "t" }""",
        "table 't', field 'a': only a lookup field names a target table, and this one is string")]
    [InlineData(
        """{ "name": "a", "type": "enum", "enum": "Colour", "target": "t" }""",
        "table 't', field 'a': only a lookup field names a target table, and this one is enum")]
    [InlineData(
        """{ "name": "a", "type": "string", "length": 0 }""",
        "table 't', field 'a': length must be at least 1, not 0")]
    [InlineData(
        """{ "name": "a", "type": "string", "length": -20 }""",
        "table 't', field 'a': length must be at least 1, not -20")]
    [InlineData(
        """{ "name": "a", "type": "decimal", "scale": -1 }""",
        "table 't', field 'a': scale must be from 0 to 10, not -1")]
    [InlineData(
        """{ "name": "a", "type": "money", "scale": 11 }""",
        "table 't', field 'a': scale must be from 0 to 10, not 11")]
    public void Rejects_a_setting_the_field_cannot_use(string field, string problem)
    {
        SchemaAssert.RejectsTable(
            $$"""{ "name": "t", "key": ["k"], "fields": [ { "name": "k", "type": "string" }, {{field}} ] }""",
            problem);
    }

    [Fact]
    public void Accepts_the_bounds_of_length_and_scale()
    {
        var table = SchemaAssert.ReadsTable(
            """
            { "name": "t", "key": ["k"], "fields": [
              { "name": "k", "type": "string", "length": 1 },
              { "name": "coarse", "type": "decimal", "scale": 0 },
              { "name": "fine", "type": "money", "scale": 10 } ] }
            """,
            "t");

        Assert.Equal(1, table.GetField("k").MaxLength);
        Assert.Equal(0, table.GetField("coarse").Scale);
        Assert.Equal(10, table.GetField("fine").Scale);
    }
}
