namespace DualWrite.Cli.Commands.Calls;

/// <summary>The command line cannot be carried out as written (a file it names cannot be read, a needed option is missing); not a refusal of the runtime.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Runs a read or write of <paramref name="path"/>, saying which file failed and why.</summary>
    public static async Task<T> AroundFileAsync<T>(string path, Func<Task<T>> io)
    {
        try
        {
            return await io();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: {e.Message}", e);
        }
    }
}
