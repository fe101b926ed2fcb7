namespace DualWrite.Cli.Tests.Support;

public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ShippedSolution => Path.Combine(Root, "solutions", "maps", "dualwrite-core.json");

    private static string FindRoot()
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
