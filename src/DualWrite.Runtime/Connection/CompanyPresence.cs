namespace DualWrite.Runtime.Connection;

/// <summary>Whether a linked legal entity exists in one environment.</summary>
public sealed record CompanyPresence(string Code, bool Present);
