namespace DualWrite.Environments.Demo;

internal sealed record DemoTableCount(string Table, int Rows);
