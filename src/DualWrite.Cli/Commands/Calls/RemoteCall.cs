using System.CommandLine;
using System.Text.Json;
using DualWrite.Cli.Remote;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Calls;

/// <summary>One invocation of a command that talks to the runtime: its parse, its client (made when first used) and where it writes.</summary>
internal sealed class RemoteCall(ParseResult parse, RemoteSettings settings, Terminal terminal, CancellationToken cancellationToken) : IDisposable
{
    private AdminClient? client;

    public AdminClient Client => client ??= settings.Connect(parse);

    /// <summary>The data folder the runtime's credentials are read from, which <c>dualwrite up</c> shares with the environments.</summary>
    public string DataFolder => settings.DataFolder(parse);

    public IAnsiConsole Console => terminal.Console;

    public Terminal Terminal => terminal;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Whether <c>--json</c> asks for the API's JSON rather than tables.</summary>
    public bool Json => parse.GetValue(settings.Json);

    public T? Value<T>(Option<T> option) => parse.GetValue(option);

    public T Value<T>(Argument<T> argument) => parse.GetValue(argument)!;

    /// <summary>Writes JSON as it is, unwrapped, so that it stays parseable whatever the terminal's width.</summary>
    public void WriteJson(JsonElement json) =>
        Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(json, AdminJson.Default.JsonElement));

    public void WriteJson<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, type));

    public void Dispose() => client?.Dispose();
}
