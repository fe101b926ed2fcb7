namespace DualWrite.Server.Admin.Errors;

internal sealed record CountAnswer(long Count);
