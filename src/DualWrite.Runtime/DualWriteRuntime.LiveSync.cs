using DualWrite.Runtime.LiveSync;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime;

public sealed partial class DualWriteRuntime
{
    private readonly SemaphoreSlim contextGate = new(1, 1);
    private readonly List<LiveContext> retired = [];
    private LiveContext? context;
    private string? contextLink;
    private DateTimeOffset contextLoadedAt;

    /// <summary>
    /// What live sync works with, read from the store again when the link changed here or, for a change made by
    /// another node, once it is older than <see cref="RuntimeOptions.ConfigurationRefresh"/>.
    /// </summary>
    private async Task<LiveContext> LiveContextAsync(CancellationToken cancellationToken)
    {
        if (context is { } current && options.Time.GetUtcNow() - contextLoadedAt < options.ConfigurationRefresh)
        {
            return current;
        }

        await contextGate.WaitAsync(cancellationToken);
        try
        {
            if (context is { } loaded && options.Time.GetUtcNow() - contextLoadedAt < options.ConfigurationRefresh)
            {
                return loaded;
            }

            var maps = await ActiveMapsAsync(cancellationToken);
            var companies = await Store.GetCompaniesAsync(cancellationToken);
            var link = await Store.GetConnectionAsync(cancellationToken);
            LiveContext fresh;
            if (context is not null && link == contextLink)
            {
                // The same environments: their connections, tokens and lookup cache carry over to the new maps.
                fresh = context.With(maps.Select(m => Mapper(m, companies)).ToArray());
            }
            else
            {
                // A context another call still works with is disposed with the runtime, not under that call; links change rarely.
                if (context is not null)
                {
                    retired.Add(context);
                }

                var environments = await Connection.OpenAsync(cancellationToken);
                var writer = new ChangeWriter(environments.FinOps, environments.Dataverse, new LookupResolver(environments.Dataverse), options.Writer);
                fresh = new LiveContext(environments, writer, maps.Select(m => Mapper(m, companies)).ToArray());
            }

            (context, contextLink, contextLoadedAt) = (fresh, link, options.Time.GetUtcNow());
            return fresh;
        }
        finally
        {
            contextGate.Release();
        }
    }

    /// <summary>Puts right the rows of Dataverse transactions whose commit was not seen in time (<see cref="OpenTransactions"/>).</summary>
    private async Task SettleOpenTransactionsAsync(CancellationToken cancellationToken)
    {
        if (dispatcher.OpenCount > 0 && await dispatcher.SettleAsync(await LiveContextAsync(cancellationToken), cancellationToken) is > 0 and var settled)
        {
            RuntimeLog.TransactionsSettled(logger, settled, options.LiveSync.CommitWait.TotalSeconds);
        }
    }

    private void OnLinkChanged(object? sender, EventArgs e) => contextLoadedAt = DateTimeOffset.MinValue;
}
