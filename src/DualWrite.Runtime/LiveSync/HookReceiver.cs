using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DualWrite.Core.Schema;
using DualWrite.Runtime.Connection;

namespace DualWrite.Runtime.LiveSync;

/// <summary>
/// Where both environments' hooks arrive, inside their users' transactions: a call is checked against the link's
/// secret and read whole, then its changes go to live sync, whose verdict is the answer.
/// </summary>
public sealed class HookReceiver
{
    private readonly ConnectionService connection;
    private readonly Func<CancellationToken, Task<LiveContext>> context;
    private readonly LiveSyncDispatcher dispatcher;
    private readonly EnvironmentSchema finOpsSchema;
    private readonly EnvironmentSchema dataverseSchema;

    internal HookReceiver(
        ConnectionService connection,
        Func<CancellationToken, Task<LiveContext>> context,
        LiveSyncDispatcher dispatcher,
        EnvironmentSchema finOpsSchema,
        EnvironmentSchema dataverseSchema)
    {
        this.connection = connection;
        this.context = context;
        this.dispatcher = dispatcher;
        this.finOpsSchema = finOpsSchema;
        this.dataverseSchema = dataverseSchema;
    }

    /// <param name="source">The environment that called.</param>
    /// <param name="secret">The secret the call carried, or null.</param>
    /// <param name="body">The call's JSON body.</param>
    /// <param name="cancellationToken">The call's cancellation.</param>
    public async Task<HookVerdict> ReceiveAsync(HookSource source, string? secret, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (!Matches(secret, await connection.GetHookSecretAsync(source, cancellationToken)))
        {
            return new HookVerdict(401, "The hook call did not carry this runtime's secret; nothing was changed.");
        }

        SourceTransaction transaction;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (source == HookSource.Dataverse && RemoteExecutionContextReader.IsAfterCommit(document.RootElement, out var committed))
            {
                if (committed is not null)
                {
                    dispatcher.Committed(committed);
                }

                return HookVerdict.Accepted;
            }

            transaction = source == HookSource.FinOps
                ? FinOpsHookReader.Read(document.RootElement, finOpsSchema)
                : RemoteExecutionContextReader.Read(document.RootElement, dataverseSchema);
        }
        catch (JsonException e)
        {
            return new HookVerdict(400, $"The {(source == HookSource.FinOps ? "F&O" : "Dataverse")} hook call could not be read: {e.Message}");
        }

        return await dispatcher.DispatchAsync(transaction, await context(cancellationToken), cancellationToken);
    }

    private static bool Matches(string? given, string? expected) =>
        given is not null && expected is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
