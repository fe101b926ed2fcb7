using System.Text.Json;

namespace DualWrite.Cli.Remote;

/// <summary>An answer of the admin API, typed for tables and kept as it came for <c>--json</c>.</summary>
internal sealed record ApiReply<T>(T Value, JsonElement Json);
