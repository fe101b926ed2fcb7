namespace DualWrite.Environments.Hosting;

public enum EnvironmentKind
{
    FinOps,
    Dataverse,
}
