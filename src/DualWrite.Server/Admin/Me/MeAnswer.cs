namespace DualWrite.Server.Admin.Me;

/// <summary>Who a token belongs to: the name the activity log records and the role that decides what it may do.</summary>
internal sealed record MeAnswer(string Name, string Role);
