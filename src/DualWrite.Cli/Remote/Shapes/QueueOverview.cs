namespace DualWrite.Cli.Remote.Shapes;

/// <summary>Every lane, and how much of the queue's bound they use.</summary>
internal sealed record QueueOverview(IReadOnlyList<QueueLane> Maps, QueueBound Bound);
