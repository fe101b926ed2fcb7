namespace DualWrite.Cli.Remote.Shapes;

internal sealed record CompanyBody(string Code, bool SkipInitialSync);
