using System.CommandLine;
using DualWrite.Cli.Remote;

namespace DualWrite.Cli.Commands.Calls;

/// <summary>The options every command that talks to a running runtime shares: where it is, who calls, and how to answer.</summary>
internal sealed class RemoteSettings
{
    public Option<string> Data { get; } = new("--data")
    {
        Description = "The data folder of the runtime; its runtime/credentials.json says where the runtime is and holds the tokens.",
        DefaultValueFactory = _ => ".dualwrite",
    };

    public Option<Uri> Runtime { get; } = UriOption.Create("--runtime", "The runtime's address, such as http://127.0.0.1:5100/; overrides the data folder's.");

    public Option<string> Token { get; } = new("--token") { Description = "The bearer token to call with; the administrator's from the data folder by default." };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the API's JSON instead of tables." };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Runtime);
        command.Options.Add(Token);
        command.Options.Add(Json);
    }

    public string DataFolder(ParseResult parse) => Path.GetFullPath(parse.GetValue(Data)!);

    /// <summary>A client for the runtime the options name.</summary>
    /// <exception cref="RuntimeUnreachableException">Neither the options nor the data folder say where the runtime is or which token to use.</exception>
    public AdminClient Connect(ParseResult parse)
    {
        var folder = DataFolder(parse);
        var credentials = RuntimeCredentials.ReadFrom(folder);
        var runtime = parse.GetValue(Runtime) ?? credentials?.Runtime ?? throw new RuntimeUnreachableException(
            $"No runtime is recorded at {RuntimeCredentials.PathIn(folder)}; start one with `dualwrite up` or `dualwrite serve`, or name it with --runtime and --token.");
        var token = parse.GetValue(Token) ?? credentials?.AdministratorToken ?? throw new RuntimeUnreachableException(
            credentials is null
                ? $"No token given and none at {RuntimeCredentials.PathIn(folder)}; pass --token, or --data with the runtime's data folder."
                : $"{RuntimeCredentials.PathIn(folder)} lists no administrator; pass --token.");
        return new AdminClient(runtime, token);
    }
}
