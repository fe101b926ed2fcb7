using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DualWrite.Cli.Remote;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Calls;

/// <summary>One invocation of a command that talks to the runtime: its parse, its client (made when first used) and where it writes.</summary>
internal sealed class RemoteCall(ParseResult parse, RemoteSettings settings, Terminal terminal, CancellationToken cancellationToken) : IDisposable
{
    /// <summary>
    /// The API's options, but writing quotes, apostrophes, <c>&lt;</c>, <c>&gt;</c> and letters beyond ASCII as they
    /// are: the JSON goes to a terminal or a file to edit, never into HTML, and <c>\u0027</c> only gets in the way.
    /// </summary>
    private static readonly JsonSerializerOptions Printed = new(AdminJson.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
    public void WriteJson(JsonElement json) => WriteJson<JsonElement>(json);

    /// <param name="value">One of the shapes <see cref="AdminJson"/> knows.</param>
    public void WriteJson<T>(T value) =>
        Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Printed.GetTypeInfo(typeof(T))));

    public void Dispose() => client?.Dispose();
}
