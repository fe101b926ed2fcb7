using DualWrite.Core.Schema;

namespace DualWrite.Environments.Hosting;

/// <summary>The schemas shipped in <c>solutions/environments/</c>, embedded in this assembly.</summary>
public static class EnvironmentSchemas
{
    public static EnvironmentSchema Load(EnvironmentKind kind)
    {
        var name = kind == EnvironmentKind.FinOps ? "schemas/finops.json" : "schemas/dataverse.json";
        using var stream = typeof(EnvironmentSchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the schema resource '{name}' is missing from the build");
        using var reader = new StreamReader(stream);
        return SchemaReader.Parse(reader.ReadToEnd(), $"solutions/environments/{Path.GetFileName(name)}");
    }
}
