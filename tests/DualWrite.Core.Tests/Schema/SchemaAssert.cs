using DualWrite.Core.Schema;

namespace DualWrite.Core.Tests.Schema;

/// <summary>Wraps table JSON in a schema document and checks how the reader takes it.</summary>
internal static class SchemaAssert
{
    public const string Source = "broken/schema.json";

    public static string Document(string tables) =>
        $$"""{ "environment": "test", "enums": [ { "name": "Colour", "members": { "Red": 1 } } ], "tables": [ {{tables}} ] }""";

    public static TableSchema ReadsTable(string table, string name) =>
        SchemaReader.Parse(Document(table), Source).GetTable(name);

    public static SchemaException Rejects(string json, string problem)
    {
        var error = Assert.Throws<SchemaException>(() => SchemaReader.Parse(json, Source));

        Assert.StartsWith(Source + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        return error;
    }

    public static SchemaException RejectsTable(string table, string problem) => Rejects(Document(table), problem);
}
