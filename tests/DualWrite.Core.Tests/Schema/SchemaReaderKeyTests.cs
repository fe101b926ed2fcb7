using DualWrite.Core.Schema;

namespace DualWrite.Core.Tests.Schema;

public sealed class SchemaReaderKeyTests
{
    [Theory]
    [InlineData(
        """{ "name": "t", "company": "c", "key": ["a"], "fields": [ { "name": "c", "type": "string" }, { "name": "a", "type": "string" } ] }""",
        "table 't': the key (a) leaves out the company field 'c'")]
    [InlineData(
        """
        { "name": "t", "company": "c", "primaryId": "id", "alternateKeys": [ { "name": "ak", "fields": ["a"] } ],
          "fields": [ { "name": "id", "type": "guid" }, { "name": "c", "type": "string" }, { "name": "a", "type": "string" } ] }
        """,
        "table 't': alternate key 'ak' leaves out the company field 'c'")]
    [InlineData(
        """
        { "name": "t", "company": "c", "key": ["c", "a"], "alternateKeys": [ { "name": "ak1", "fields": ["a", "c"] }, { "name": "ak2", "fields": ["a"] } ],
          "fields": [ { "name": "c", "type": "string" }, { "name": "a", "type": "string" } ] }
        """,
        "table 't': alternate key 'ak2' leaves out the company field 'c'")]
    [InlineData(
        """{ "name": "t", "primaryId": "a", "fields": [ { "name": "a", "type": "string" } ] }""",
        "table 't': primary id 'a' is a string field, not a guid field")]
    [InlineData(
        """{ "name": "t", "key": ["a"], "primaryId": "id", "fields": [ { "name": "a", "type": "string" }, { "name": "id", "type": "lookup", "target": "t" } ] }""",
        "table 't': primary id 'id' is a lookup field, not a guid field")]
    public void Rejects_a_key_that_does_not_identify_a_row(string table, string problem)
    {
        SchemaAssert.RejectsTable(table, problem);
    }

    [Fact]
    public void Lets_a_company_specific_table_be_keyed_by_its_guid_alone()
    {
        var table = SchemaAssert.ReadsTable(
            """
            { "name": "t", "company": "C", "primaryId": "id", "alternateKeys": [ { "name": "ak", "fields": ["a", "c"] } ],
              "fields": [ { "name": "id", "type": "guid" }, { "name": "c", "type": "string" }, { "name": "a", "type": "string" } ] }
            """,
            "t");

        Assert.Equal(["id"], table.Key);
        Assert.Equal("c", table.CompanyField);
    }

    [Fact]
    public void Takes_an_empty_key_list_as_no_key_and_falls_back_to_the_primary_id()
    {
        var table = SchemaAssert.ReadsTable(
            """{ "name": "t", "key": [], "primaryId": "id", "fields": [ { "name": "id", "type": "guid" } ] }""",
            "t");

        Assert.Equal(["id"], table.Key);
    }

    [Fact]
    public void Still_refuses_an_empty_key_list_without_a_primary_id()
    {
        SchemaAssert.RejectsTable(
            """{ "name": "t", "key": [], "fields": [ { "name": "a", "type": "string" } ] }""",
            "table 't' has no key");
    }
}
