namespace DualWrite.Protocols.Batch;

/// <summary>Where in a batch body a part sits (1-based), carried along so every error can say so.</summary>
internal readonly record struct BatchPartPosition(int Part, int? ChangeSetPart = null)
{
    public BatchFormatException Error(string problem, int? line = null, Exception? innerException = null) =>
        new(problem, Part, ChangeSetPart, line, innerException);
}
