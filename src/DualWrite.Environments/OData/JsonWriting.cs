using System.Text.Encodings.Web;
using System.Text.Json;

namespace DualWrite.Environments.OData;

internal static class JsonWriting
{
    /// <summary>
    /// Quotes and non-ASCII letters written as themselves (<c>W/"12"</c>, <c>Müller</c>), as the real services
    /// write them; the payloads are JSON for programs, never embedded in HTML.
    /// </summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
