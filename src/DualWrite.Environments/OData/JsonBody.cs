using System.Text.Json;
using DualWrite.Protocols.Json;

namespace DualWrite.Environments.OData;

/// <summary>A write's JSON body: one object whose properties are read one by one.</summary>
internal static class JsonBody
{
    /// <param name="body">The body; empty reads as an object without properties.</param>
    /// <param name="errorCode">The environment's code for a malformed request.</param>
    /// <param name="read">Called for every property, in order.</param>
    public static void ReadObject(byte[] body, string errorCode, Action<JsonProperty> read)
    {
        if (body.Length == 0)
        {
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new ODataException(400, errorCode, $"The request body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            ReadObject(document.RootElement, errorCode, read);
        }
    }

    /// <summary>As <see cref="ReadObject(byte[], string, Action{JsonProperty})"/>, for an object already parsed (one of many in a body).</summary>
    public static void ReadObject(JsonElement body, string errorCode, Action<JsonProperty> read)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ODataException(400, errorCode, "The request body must be a JSON object.");
        }

        foreach (var property in body.EnumerateObject())
        {
            try
            {
                read(property);
            }
            catch (JsonValueException e)
            {
                throw new ODataException(400, errorCode, e.Message);
            }
        }
    }
}
