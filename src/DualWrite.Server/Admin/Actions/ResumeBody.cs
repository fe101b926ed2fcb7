using DualWrite.Runtime.Queue;

namespace DualWrite.Server.Admin.Actions;

internal sealed record ResumeBody(IReadOnlyList<string> Maps, ResumeMode Mode = ResumeMode.CatchUp);
