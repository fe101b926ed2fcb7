namespace DualWrite.Runtime.Connection;

/// <summary>A linked environment as it may be shown: where it is and who the runtime signs in as, never the secret.</summary>
/// <param name="ServiceRoot">The OData service root.</param>
/// <param name="TokenEndpoint">Where the runtime gets its tokens.</param>
/// <param name="ClientId">The runtime's application (client) id there.</param>
public sealed record EnvironmentIdentity(Uri ServiceRoot, Uri TokenEndpoint, string ClientId);
