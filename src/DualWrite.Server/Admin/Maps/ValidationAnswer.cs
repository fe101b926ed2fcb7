using DualWrite.Server.Admin.Problems;

namespace DualWrite.Server.Admin.Maps;

internal sealed record ValidationAnswer(bool Valid, IReadOnlyList<AdminFinding> Findings);
