namespace DualWrite.Cli.Remote.Shapes;

internal sealed record CountAnswer(long Count);
