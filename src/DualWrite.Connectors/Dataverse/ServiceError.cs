using System.Text;
using System.Text.Json;

namespace DualWrite.Connectors.Dataverse;

/// <summary>The service's own words in the body of a failed request of a batch: the OData error message, or the text.</summary>
internal static class ServiceError
{
    private const int MaxText = 500;

    public static string MessageOf(byte[] body, int status)
    {
        if (body.Length == 0)
        {
            return $"status {status}, no message";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var message)
                && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // Not OData JSON: the text itself says what happened.
        }

        var plain = Encoding.UTF8.GetString(body).Trim();
        return plain.Length > MaxText ? plain[..MaxText] + "…" : plain;
    }
}
