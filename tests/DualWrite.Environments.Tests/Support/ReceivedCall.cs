using System.Text.Json;

namespace DualWrite.Environments.Tests.Support;

internal sealed record ReceivedCall(IReadOnlyDictionary<string, string> Headers, string Query, JsonElement Body);
