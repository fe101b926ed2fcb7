namespace DualWrite.Connectors.Tests.FinOps;

/// <summary>An emulated F&amp;O with no data but the <c>dat</c> company; each test writes rows of its own.</summary>
public sealed class EmptyFinOps() : FinOpsEnvironment(demo: false);
