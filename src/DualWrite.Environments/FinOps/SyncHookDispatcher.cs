using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Environments.Hooks;
using DualWrite.Environments.OData;
using DualWrite.Environments.Storage;
using DualWrite.Protocols.Json;

namespace DualWrite.Environments.FinOps;

/// <summary>
/// Calls each subscriber once per transaction, before the commit, with every change of the transaction that
/// concerns it, in order. The transaction's own principal never triggers its own hooks (no echo).
/// </summary>
internal sealed class SyncHookDispatcher(SyncHookRegistry registry, HookCaller caller)
{
    public const string SecretHeader = "X-DualWrite-Hook-Secret";

    public async Task DispatchAsync(WriteTransaction transaction, CancellationToken cancellationToken)
    {
        if (transaction.Changes.Count == 0)
        {
            return;
        }

        foreach (var subscription in registry.All)
        {
            if (subscription.OwnerUserId == transaction.Actor.UserId)
            {
                continue;
            }

            var changes = transaction.Changes.Where(c => subscription.Covers(c.Table)).ToArray();
            if (changes.Length == 0)
            {
                continue;
            }

            var headers = new Dictionary<string, string> { [SecretHeader] = subscription.Secret };
            await caller.CallAsync(subscription.Url, headers, Payload(transaction, subscription, changes), "SyncHookFailed", cancellationToken);
        }
    }

    private static byte[] Payload(WriteTransaction transaction, SyncHookSubscription subscription, IReadOnlyList<RowChange> changes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            writer.WriteStartObject();
            writer.WriteString("subscriptionId", subscription.Id);
            writer.WriteNumber("transactionId", transaction.Id);
            writer.WriteString("initiatingClientId", transaction.Actor.ClientId);
            writer.WriteString("initiatingUserId", transaction.Actor.UserId);
            writer.WriteStartArray("changes");
            foreach (var change in changes)
            {
                var table = transaction.Schema.GetTable(change.Table);
                writer.WriteStartObject();
                writer.WriteNumber("sequence", change.Version);
                writer.WriteString("entity", table.Name);
                writer.WriteString("entitySet", table.EntitySet);
                writer.WriteString("operation", change.Operation.ToString());
                writer.WriteStartObject("key");
                foreach (var (name, value) in change.Key.Parts)
                {
                    JsonValues.Write(writer, name, table.GetField(name), value, EnumStyle.Name);
                }

                writer.WriteEndObject();
                writer.WriteStartArray("changedFields");
                foreach (var name in change.ChangedFields)
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
                writer.WriteStartObject("values");
                foreach (var field in table.Fields)
                {
                    JsonValues.Write(writer, field.Name, field, change.Values.GetValueOrDefault(field.Name), EnumStyle.Name);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
