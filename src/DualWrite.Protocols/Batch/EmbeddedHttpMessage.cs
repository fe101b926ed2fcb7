namespace DualWrite.Protocols.Batch;

/// <summary>
/// An HTTP message as found inside an application/http part, before its start line is interpreted as a
/// request line or a status line.
/// </summary>
internal sealed record EmbeddedHttpMessage(string StartLine, int StartLineNumber, Dictionary<string, string> Headers, byte[] Body);
