using System.Text;
using System.Text.Json;

namespace DualWrite.Environments.OData;

internal sealed record ODataResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public const string JsonContentType = "application/json; odata.metadata=minimal";

    public bool IsSuccess => Status is >= 200 and < 300;

    public static ODataResponse NoContent(IReadOnlyDictionary<string, string>? headers = null) =>
        new(204, headers ?? new Dictionary<string, string>(), []);

    public static ODataResponse Json(int status, Action<Utf8JsonWriter> write, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            write(writer);
        }

        var all = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = JsonContentType,
            ["OData-Version"] = "4.0",
        };
        return new ODataResponse(status, all, buffer.ToArray());
    }

    public static ODataResponse Text(int status, string contentType, string text) =>
        new(status, new Dictionary<string, string> { ["Content-Type"] = contentType }, Encoding.UTF8.GetBytes(text));

    public static ODataResponse Error(ODataException error) =>
        Json(error.Status, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("code", error.Code);
            w.WriteString("message", error.Message);
            w.WriteEndObject();
            w.WriteEndObject();
        });
}
