namespace DualWrite.Cli.Remote.Shapes;

internal sealed record CompanyBootstrapBody(string Company, string Table, string? Filter);
