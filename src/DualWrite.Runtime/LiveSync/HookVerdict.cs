namespace DualWrite.Runtime.LiveSync;

/// <summary>
/// The answer to a hook call: a 2xx lets the source transaction commit; anything else rolls it back and shows the
/// user <see cref="Message"/>.
/// </summary>
public sealed record HookVerdict(int Status, string? Message = null)
{
    public static readonly HookVerdict Accepted = new(200);

    public bool IsAccepted => Status is >= 200 and < 300;
}
