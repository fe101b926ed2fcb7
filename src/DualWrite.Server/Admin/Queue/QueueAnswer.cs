using DualWrite.Runtime.Queue;

namespace DualWrite.Server.Admin.Queue;

/// <summary>Every map's lane that holds changes, and how much all lanes may hold.</summary>
internal sealed record QueueAnswer(IReadOnlyList<LaneLine> Maps, QueueUsage Bound);
