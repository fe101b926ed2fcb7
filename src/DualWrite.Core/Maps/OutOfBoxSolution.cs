namespace DualWrite.Core.Maps;

/// <summary>The solution that ships with the product (<c>solutions/maps/dualwrite-core.json</c>).</summary>
public static class OutOfBoxSolution
{
    public const string ResourceName = "solutions/dualwrite-core.json";

    private static readonly Lazy<Solution> Loaded = new(() =>
    {
        using var stream = typeof(OutOfBoxSolution).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the resource '{ResourceName}' is missing from the build");
        using var reader = new StreamReader(stream);
        return SolutionReader.Parse(reader.ReadToEnd(), "solutions/maps/dualwrite-core.json");
    });

    public static Solution Load() => Loaded.Value;
}
