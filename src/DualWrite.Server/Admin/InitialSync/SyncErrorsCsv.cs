using System.Globalization;
using System.Text;
using DualWrite.Runtime.InitialSync;

namespace DualWrite.Server.Admin.InitialSync;

/// <summary>Row errors as CSV (RFC 4180): a header row, then one line per error, quoted where a value needs it.</summary>
internal static class SyncErrorsCsv
{
    public const string Header = "company,direction,key,field,message,at";

    public static string Line(SyncRowError error) =>
        string.Join(',', Field(error.Company), Field(error.Direction.ToString()), Field(error.Key), Field(error.Field), Field(error.Message), Field(error.At.ToString("O", CultureInfo.InvariantCulture)));

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : new StringBuilder("\"").Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
}
