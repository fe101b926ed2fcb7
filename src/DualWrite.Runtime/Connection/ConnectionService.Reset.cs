using DualWrite.Connectors;
using DualWrite.Connectors.Dataverse;
using DualWrite.Runtime.Lifecycle;

namespace DualWrite.Runtime.Connection;

public sealed partial class ConnectionService
{
    /// <summary>
    /// Reset link (SPEC section 6): removes the sync hook and the webhook the link registered, then clears the
    /// store (link, companies, solutions, map states, logs and runs), so that the pair can be linked again.
    /// Refused while any map is not Not running, unless forced. Without force, a hook that cannot be removed stops
    /// the reset with nothing cleared; with force, the store is cleared anyway.
    /// </summary>
    /// <param name="force">Reset although maps are started, or an environment cannot be reached.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>What a forced reset had to leave behind on the environments, to remove by hand; empty otherwise.</returns>
    /// <exception cref="LinkException">Maps are started, or a hook could not be removed, and <paramref name="force"/> was not given.</exception>
    public async Task<IReadOnlyList<string>> ResetAsync(bool force, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var started = (await store.GetStatesAsync(cancellationToken))
                .Where(s => s.Value != MapState.NotRunning)
                .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
                .ToArray();
            if (started.Length > 0 && !force)
            {
                throw new LinkException(
                    $"The link cannot be reset while maps are started: {string.Join(", ", started.Select(s => $"'{s.Key}' is {MapTransitions.Describe(s.Value)}"))}. " +
                    "Stop them first, or force the reset.");
            }

            var leftBehind = new List<string>();
            if (await store.GetConnectionAsync(cancellationToken) is { } json)
            {
                SavedConnection? saved = null;
                try
                {
                    saved = SavedConnection.Parse(json);
                }
                catch (LinkException e) when (force)
                {
                    leftBehind.Add($"whatever hooks the unreadable saved link had registered ({e.Message})");
                }

                if (saved is not null)
                {
                    await RemoveHooksAsync(saved, force, leftBehind, cancellationToken);
                }
            }

            await store.ResetAsync(cancellationToken);
            ConnectionLog.Reset(logger, force);
            LinkChanged?.Invoke(this, EventArgs.Empty);
            return leftBehind;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RemoveHooksAsync(SavedConnection saved, bool force, List<string> leftBehind, CancellationToken cancellationToken)
    {
        var finOps = saved.FinOps.ToAddress();
        var dataverse = saved.Dataverse.ToAddress();
        using var environments = Open(finOps, dataverse, options.CheckRetry);
        var removals = new (string What, EnvironmentAddress Address, Func<Task> Remove)[]
        {
            ($"the F&O sync hook {saved.FinOpsHookId}", finOps, () => environments.FinOps.RemoveHookAsync(saved.FinOpsHookId, cancellationToken)),
            ($"the Dataverse webhook {saved.DataverseEndpointId}", dataverse, () => environments.Dataverse.RemoveWebhookAsync(new DataverseWebhook(saved.DataverseEndpointId, saved.DataverseStepIds), cancellationToken)),
        };
        foreach (var (what, address, remove) in removals)
        {
            try
            {
                await remove();
            }
            catch (Exception e) when (e is ConnectorException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var reason = HookSecret.Redact(e is ConnectorException ? e.Message : "no answer in time", finOps.ClientSecret, dataverse.ClientSecret, saved.HookSecret, saved.DataverseHookSecret);
                if (!force)
                {
                    throw new LinkException(
                        $"The link was not reset: removing {what} from {address.ServiceRoot} failed: {reason}. " +
                        "Nothing was cleared; try again once the environment answers, or force the reset.");
                }

                leftBehind.Add($"{what} at {address.ServiceRoot}: {reason}");
                ConnectionLog.LeftBehind(logger, what, reason);
            }
        }
    }
}
