namespace DualWrite.Cli.Remote.Shapes;

internal sealed record LinkBody(EnvironmentAddressBody FinOps, EnvironmentAddressBody Dataverse, Uri HookBaseUrl, IReadOnlyList<string> Companies);
