namespace DualWrite.Connectors.Http;

/// <summary>How often and how long a request is tried again before its failure is final.</summary>
/// <param name="MaxAttempts">Tries in all, the first included.</param>
/// <param name="MaxDelay">The longest single wait, whatever <c>Retry-After</c> asks for.</param>
/// <param name="NetworkBackoff">The first wait after a request got no answer; it doubles each time.</param>
public sealed record RetryPolicy(int MaxAttempts = 8, TimeSpan? MaxDelay = null, TimeSpan? NetworkBackoff = null)
{
    public TimeSpan MaxWait => MaxDelay ?? TimeSpan.FromMinutes(2);

    public TimeSpan FirstBackoff => NetworkBackoff ?? TimeSpan.FromMilliseconds(250);
}
