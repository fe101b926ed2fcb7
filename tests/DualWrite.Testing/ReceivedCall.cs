using System.Text.Json;

namespace DualWrite.Testing;

/// <summary>One POST a <see cref="HookReceiver"/> received.</summary>
/// <param name="Path">The request path as sent, with its leading slash, so a test can tell which hook was called.</param>
/// <param name="Headers">The request headers, looked up case-insensitively as HTTP names are.</param>
/// <param name="Query">The query string as sent, with its leading '?', or empty.</param>
/// <param name="Body">The JSON body; undefined when the call had no body.</param>
public sealed record ReceivedCall(string Path, IReadOnlyDictionary<string, string> Headers, string Query, JsonElement Body);
