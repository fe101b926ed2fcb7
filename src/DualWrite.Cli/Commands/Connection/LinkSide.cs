using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Remote.Shapes;

namespace DualWrite.Cli.Commands.Connection;

/// <summary>
/// The options that say where one environment is and how the runtime's application user signs in to it. Left out,
/// they default to the emulated environment <c>dualwrite up</c> runs from the same data folder.
/// </summary>
internal sealed class LinkSide
{
    private readonly string folder;
    private readonly string title;

    public LinkSide(string name, string title, string defaultServiceRoot)
    {
        folder = name;
        this.title = title;
        ServiceRoot = UriOption.Create($"--{name}", $"The {title} service root.", defaultServiceRoot);
        TokenEndpoint = UriOption.Create($"--{name}-token-endpoint", $"Where the runtime gets {title} tokens (OAuth client credentials).");
        ClientId = new($"--{name}-client-id") { Description = $"The runtime's application user in {title}." };
        ClientSecret = new($"--{name}-client-secret") { Description = "Its secret." };
        Scope = new($"--{name}-scope") { Description = "The scope to ask tokens for; the service's /.default by default." };
    }

    public Option<Uri> ServiceRoot { get; }

    public Option<Uri> TokenEndpoint { get; }

    public Option<string> ClientId { get; }

    public Option<string> ClientSecret { get; }

    public Option<string> Scope { get; }

    public IEnumerable<Option> Options => [ServiceRoot, TokenEndpoint, ClientId, ClientSecret, Scope];

    public EnvironmentAddressBody Address(RemoteCall call)
    {
        var serviceRoot = call.Value(ServiceRoot)!;
        var host = new Uri(serviceRoot, "/");
        var emulator = call.Value(ClientId) is null || call.Value(TokenEndpoint) is null
            ? EmulatorSignIn.Read(Path.Combine(call.DataFolder, folder))
            : null;
        var clientId = call.Value(ClientId) ?? emulator?.ClientId;
        var secret = call.Value(ClientSecret) ?? emulator?.ClientSecret;
        var tokenEndpoint = call.Value(TokenEndpoint) ?? (emulator is { } e ? new Uri(host, $"{e.Tenant}/oauth2/v2.0/token") : null);
        if (clientId is null || secret is null || tokenEndpoint is null)
        {
            throw new UsageException(
                $"Say how the runtime signs in to {title}: --{folder}-token-endpoint, --{folder}-client-id and --{folder}-client-secret " +
                $"(or run the emulated environments from this data folder, whose credentials are then read from {Path.Combine(call.DataFolder, folder)}).");
        }

        return new EnvironmentAddressBody(serviceRoot, tokenEndpoint, clientId, secret, call.Value(Scope) ?? new Uri(host, ".default").AbsoluteUri);
    }
}
