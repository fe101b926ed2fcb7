namespace DualWrite.Cli.Remote;

/// <summary>One user of the admin API as <c>credentials.json</c> lists it.</summary>
internal sealed record RuntimeUser(string Name, string Role, string Token);
