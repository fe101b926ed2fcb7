using System.Text;
using System.Text.Json;

namespace DualWrite.Connectors.FinOps;

/// <summary>The service's words from the body of a failed answer inside a <c>$batch</c>.</summary>
internal static class ODataErrorBody
{
    private const int MaxLength = 2_000;

    /// <summary>
    /// <c>error.message</c> of an OData error, with <c>error.innererror.message</c> after it when that says more
    /// (F&amp;O often puts the actual reason there); otherwise the body's text.
    /// </summary>
    public static string MessageOf(byte[] body, int status)
    {
        var text = Encoding.UTF8.GetString(body);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                var message = StringOf(error, "message");
                var inner = error.TryGetProperty("innererror", out var innerError) && innerError.ValueKind == JsonValueKind.Object
                    ? StringOf(innerError, "message")
                    : null;
                if (message is not null)
                {
                    return inner is null || message.Contains(inner, StringComparison.Ordinal) ? message : $"{message} {inner}";
                }
            }
        }
        catch (JsonException)
        {
            // Not OData JSON: the text itself is what the service said.
        }

        return string.IsNullOrWhiteSpace(text)
            ? $"the service answered {status} without a message"
            : text.Length > MaxLength ? text[..MaxLength] + "…" : text;
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
