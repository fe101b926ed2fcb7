namespace DualWrite.Environments.Storage;

/// <summary>Who writes: recorded on the rows and in the change log, and used to tell a hook's owner from others.</summary>
internal sealed record WriteActor(string ClientId, Guid UserId);
