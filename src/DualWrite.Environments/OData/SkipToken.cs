using System.Buffers.Text;
using System.Text.Json;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.OData;

/// <summary>A page cursor as an opaque <c>$skiptoken</c> for <c>@odata.nextLink</c>: the sort values, then the row id.</summary>
internal static class SkipToken
{
    public static string Encode(PageCursor cursor) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(cursor.SortValues.Append(cursor.RowId).ToArray()));

    public static PageCursor Decode(string token)
    {
        try
        {
            var parts = JsonSerializer.Deserialize<JsonElement[]>(Base64Url.DecodeFromChars(token));
            if (parts is not { Length: > 0 })
            {
                throw new FormatException();
            }

            var values = parts[..^1].Select(v => v.ValueKind switch
            {
                JsonValueKind.String => (object?)v.GetString(),
                JsonValueKind.Number => v.GetInt64(),
                JsonValueKind.Null => null,
                _ => throw new FormatException(),
            }).ToArray();
            return new PageCursor(values, parts[^1].GetInt64());
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            throw new ODataException(400, "0x80060888", $"The $skiptoken '{token}' is not one this service issued.");
        }
    }
}
