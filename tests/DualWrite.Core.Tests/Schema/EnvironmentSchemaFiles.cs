using DualWrite.Core.Schema;

namespace DualWrite.Core.Tests.Schema;

/// <summary>The shipped environment schemas, read once per test run from the repository checkout.</summary>
internal static class EnvironmentSchemaFiles
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);
    private static readonly Lazy<EnvironmentSchema> FinOpsSchema = new(() => Read("finops.json"));
    private static readonly Lazy<EnvironmentSchema> DataverseSchema = new(() => Read("dataverse.json"));

    public static EnvironmentSchema FinOps => FinOpsSchema.Value;

    public static EnvironmentSchema Dataverse => DataverseSchema.Value;

    public static string Directory => Path.Combine(Root.Value, "solutions", "environments");

    public static string RepositoryRoot => Root.Value;

    private static EnvironmentSchema Read(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        return SchemaReader.Parse(File.ReadAllText(path), path);
    }

    // The tests run from bin/<configuration>/<framework>, so the checkout is found by walking up to the solution file.
    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DualWrite.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DualWrite.slnx above {AppContext.BaseDirectory}");
    }
}
