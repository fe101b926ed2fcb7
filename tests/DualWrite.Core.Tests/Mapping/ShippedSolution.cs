using DualWrite.Core.Maps;
using DualWrite.Core.Tests.Schema;

namespace DualWrite.Core.Tests.Mapping;

/// <summary>The out-of-box solution as shipped in <c>solutions/maps/</c>.</summary>
internal static class ShippedSolution
{
    private static readonly Lazy<Solution> Solution = new(() =>
    {
        var path = Path.Combine(EnvironmentSchemaFiles.RepositoryRoot, "solutions", "maps", "dualwrite-core.json");
        return SolutionReader.Parse(File.ReadAllText(path), path);
    });

    public static Solution Core => Solution.Value;
}
