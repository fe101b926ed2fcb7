namespace DualWrite.Cli.Remote.Shapes;

/// <summary>Where an environment is and how the runtime's application user signs in to it.</summary>
internal sealed record EnvironmentAddressBody(Uri ServiceRoot, Uri TokenEndpoint, string ClientId, string ClientSecret, string Scope);
