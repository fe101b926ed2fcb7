namespace DualWrite.Cli.Remote.Shapes;

/// <summary>Whether maps pass validation, and what they break, as <c>POST /api/v1/maps/validate</c> answers.</summary>
internal sealed record ValidationAnswer(bool Valid, IReadOnlyList<Finding> Findings);
