using DualWrite.Connectors;

namespace DualWrite.Runtime.Connection;

/// <summary>An environment address as the store keeps it, secret included; it never leaves the runtime.</summary>
internal sealed record SavedEnvironment(Uri ServiceRoot, Uri TokenEndpoint, string ClientId, string ClientSecret, string Scope)
{
    public static SavedEnvironment From(EnvironmentAddress address) =>
        new(address.ServiceRoot, address.TokenEndpoint, address.ClientId, address.ClientSecret, address.Scope);

    public EnvironmentAddress ToAddress() => new(ServiceRoot, TokenEndpoint, ClientId, ClientSecret, Scope);

    public EnvironmentIdentity ToIdentity() => new(ServiceRoot, TokenEndpoint, ClientId);

    /// <summary>A record would print every property, the secret among them.</summary>
    public override string ToString() => $"{ServiceRoot} as {ClientId}";
}
