namespace DualWrite.Connectors;

/// <summary>Where an environment is and how the runtime signs in to it, as its own application user.</summary>
/// <param name="ServiceRoot">The OData service root: <c>https://contoso.operations.dynamics.com/data/</c> or <c>https://org.crm.dynamics.com/api/data/v9.2/</c>.</param>
/// <param name="TokenEndpoint">The client-credentials token endpoint: <c>https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token</c>.</param>
/// <param name="ClientId">The application (client) id.</param>
/// <param name="ClientSecret">Its secret; never logged or shown.</param>
/// <param name="Scope">The resource's <c>.default</c> scope.</param>
public sealed record EnvironmentAddress(Uri ServiceRoot, Uri TokenEndpoint, string ClientId, string ClientSecret, string Scope)
{
    /// <summary>The host part of the service root: <c>https://contoso.operations.dynamics.com/</c>.</summary>
    public Uri Root => new(ServiceRoot.GetLeftPart(UriPartial.Authority) + "/");

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"{ServiceRoot} as {ClientId}";
}
