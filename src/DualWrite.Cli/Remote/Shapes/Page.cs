namespace DualWrite.Cli.Remote.Shapes;

/// <summary>One page of a list that can grow.</summary>
internal sealed record Page<T>(long Total, IReadOnlyList<T> Items);
