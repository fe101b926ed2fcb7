namespace DualWrite.Server.Admin.Connection;

/// <summary>A company to add to the link, and whether its existing rows are left alone.</summary>
internal sealed record CompanyBody(string Code, bool SkipInitialSync = false);
