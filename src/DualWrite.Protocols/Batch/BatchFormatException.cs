namespace DualWrite.Protocols.Batch;

/// <summary>
/// A <c>$batch</c> body that cannot be read. The message names where: the 1-based part of the batch, the
/// 1-based part within its change set, and the 1-based line of the embedded HTTP message, as far as known,
/// so that a caller answering 400 tells the client which request to fix.
/// </summary>
public sealed class BatchFormatException : Exception
{
    public BatchFormatException(string problem, int? part = null, int? changeSetPart = null, int? line = null, Exception? innerException = null)
        : base(Describe(problem, part, changeSetPart, line), innerException)
    {
        Part = part;
        ChangeSetPart = changeSetPart;
        Line = line;
    }

    public int? Part { get; }

    public int? ChangeSetPart { get; }

    public int? Line { get; }

    private static string Describe(string problem, int? part, int? changeSetPart, int? line)
    {
        var where = new List<string>(3);
        if (part is { } p)
        {
            where.Add($"batch part {p}");
        }

        if (changeSetPart is { } c)
        {
            where.Add($"change set part {c}");
        }

        if (line is { } l)
        {
            where.Add($"line {l}");
        }

        return where.Count == 0 ? problem : $"{string.Join(", ", where)}: {problem}";
    }
}
