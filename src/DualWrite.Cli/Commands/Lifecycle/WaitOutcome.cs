using DualWrite.Cli.Remote.Shapes;

namespace DualWrite.Cli.Commands.Lifecycle;

/// <summary>How following maps ended: their last states, and whether every one reached Running.</summary>
internal sealed record WaitOutcome(IReadOnlyList<MapStateEntry> States, bool AllRunning);
