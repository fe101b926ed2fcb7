namespace DualWrite.Browser.Tests.Browser;

/// <summary>Where the tests leave pictures of the pages: <c>TestResults/screenshots</c> of the repository, beside CI's results.</summary>
internal static class ScreenshotFolder
{
    private static readonly Lazy<string> Folder = new(Find);

    public static string Path => Folder.Value;

    private static string Find()
    {
        var start = AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "DualWrite.slnx")))
            {
                return Directory.CreateDirectory(System.IO.Path.Combine(directory.FullName, "TestResults", "screenshots")).FullName;
            }
        }

        return Directory.CreateDirectory(System.IO.Path.Combine(start, "screenshots")).FullName;
    }
}
