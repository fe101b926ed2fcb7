using DualWrite.Core.Filtering;
using DualWrite.Core.Schema;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Tests.Demo;

/// <summary>An environment store on the embedded schema, in a directory of its own that goes when the test ends.</summary>
internal sealed class TempEnvironment : IDisposable
{
    private readonly string directory;

    public TempEnvironment(string environment)
    {
        directory = Path.Combine(Path.GetTempPath(), "dualwrite-demo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        DatabasePath = Path.Combine(directory, environment + ".db");
        Schema = LoadSchema(environment);
        Store = new EnvironmentStore(Schema, DatabasePath, TimeProvider.System);
    }

    public static WriteActor Actor { get; } = new("demo-seed", Guid.Parse("6f1c1b0e-8a51-4b4e-9d0a-3c2f5a7d9e11"));

    public string DatabasePath { get; }

    public EnvironmentSchema Schema { get; }

    public EnvironmentStore Store { get; private set; }

    public IReadOnlyList<StoredRow> All(string table) => Store.Query(new RowQuery(Schema.GetTable(table))).Rows;

    public long Count(string table, string? filter = null) =>
        Store.Count(new RowQuery(Schema.GetTable(table)) { Filter = filter is null ? null : ODataFilterParser.Parse(filter) });

    /// <summary>Closes the database and opens it again, as a second start of a persistent environment does.</summary>
    public void Reopen()
    {
        Store.Dispose();
        Store = new EnvironmentStore(Schema, DatabasePath, TimeProvider.System);
    }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private static EnvironmentSchema LoadSchema(string environment)
    {
        var resource = $"schemas/{environment}.json";
        using var stream = typeof(EnvironmentStore).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the Environments assembly has no resource '{resource}'");
        using var reader = new StreamReader(stream);
        return SchemaReader.Parse(reader.ReadToEnd(), resource);
    }
}
