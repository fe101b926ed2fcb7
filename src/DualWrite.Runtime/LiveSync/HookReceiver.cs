using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DualWrite.Core.Maps;
using DualWrite.Core.Schema;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.LiveSync;

/// <summary>
/// Where both environments' hooks arrive, inside their users' transactions. A call is checked against the link's
/// secret, then against the state of every map whose source it concerns: changes for maps that are not started
/// pass; changes the runtime cannot take yet are refused, so that the user's transaction rolls back rather than
/// the change being lost.
/// </summary>
public sealed class HookReceiver(
    IRuntimeStore store,
    ConnectionService connection,
    Func<CancellationToken, Task<IReadOnlyList<TableMap>>> activeMaps,
    EnvironmentSchema finOpsSchema,
    EnvironmentSchema dataverseSchema)
{
    /// <param name="source">The environment that called.</param>
    /// <param name="secret">The secret the call carried, or null.</param>
    /// <param name="body">The call's JSON body.</param>
    /// <param name="cancellationToken">The call's cancellation.</param>
    public async Task<HookVerdict> ReceiveAsync(HookSource source, string? secret, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (!Matches(secret, await connection.GetHookSecretAsync(cancellationToken)))
        {
            return new HookVerdict(401, "The hook call did not carry this runtime's secret; nothing was changed.");
        }

        SourceTransaction transaction;
        try
        {
            using var document = JsonDocument.Parse(body);
            transaction = source == HookSource.FinOps
                ? FinOpsHookReader.Read(document.RootElement, finOpsSchema)
                : RemoteExecutionContextReader.Read(document.RootElement, dataverseSchema);
        }
        catch (JsonException e)
        {
            return new HookVerdict(400, $"The {Describe(source)} hook call could not be read: {e.Message}");
        }

        var tables = transaction.Changes.Select(c => c.Table).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var direction = source == HookSource.FinOps ? SyncDirection.FinOpsToDataverse : SyncDirection.DataverseToFinOps;
        var states = await store.GetStatesAsync(cancellationToken);
        foreach (var map in await activeMaps(cancellationToken))
        {
            var table = source == HookSource.FinOps ? map.FinOpsEntity : map.DataverseTable;
            if (!tables.Contains(table) || !map.Fields.Any(f => f.Carries(direction)))
            {
                continue;
            }

            var state = states.TryGetValue(map.Name, out var s) ? s : MapState.NotRunning;
            if (state == MapState.Initializing)
            {
                return new HookVerdict(409, $"{map.Name}: the map is Initializing, and changes to {table} are not taken until its initial sync is done; the change was not saved, try it again once the map is Running.");
            }

            if (state != MapState.NotRunning)
            {
                return new HookVerdict(503, $"{map.Name}: the map is {MapTransitions.Describe(state)}, and this runtime does not write live changes to {Describe(Other(source))}; the change was not saved.");
            }
        }

        return HookVerdict.Accepted;
    }

    private static bool Matches(string? given, string? expected) =>
        given is not null && expected is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static HookSource Other(HookSource source) => source == HookSource.FinOps ? HookSource.Dataverse : HookSource.FinOps;

    private static string Describe(HookSource source) => source == HookSource.FinOps ? "F&O" : "Dataverse";
}
