using DualWrite.Environments.Storage;
using Microsoft.Data.Sqlite;

namespace DualWrite.Environments.FinOps;

/// <summary>The registered sync hooks, kept in the environment's database so they outlive a restart.</summary>
internal sealed class SyncHookRegistry
{
    private readonly EnvironmentStore store;
    private readonly Lock gate = new();
    private IReadOnlyList<SyncHookSubscription> subscriptions;

    public SyncHookRegistry(EnvironmentStore store)
    {
        this.store = store;
        using var connection = store.OpenConnection();
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS _synchooks (
              id TEXT PRIMARY KEY, entities TEXT NOT NULL, url TEXT NOT NULL, secret TEXT NOT NULL,
              owner_client TEXT NOT NULL, owner_user TEXT NOT NULL, seq INTEGER NOT NULL)
            """);
        subscriptions = Load(connection);
    }

    public IReadOnlyList<SyncHookSubscription> All => subscriptions;

    public void Add(SyncHookSubscription subscription)
    {
        lock (gate)
        {
            using var connection = store.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO _synchooks (id, entities, url, secret, owner_client, owner_user, seq)
                VALUES ($id, $entities, $url, $secret, $client, $user, (SELECT COALESCE(MAX(seq), 0) + 1 FROM _synchooks))
                """;
            command.Parameters.AddWithValue("$id", subscription.Id.ToString("D"));
            command.Parameters.AddWithValue("$entities", string.Join(",", subscription.Entities));
            command.Parameters.AddWithValue("$url", subscription.Url);
            command.Parameters.AddWithValue("$secret", subscription.Secret);
            command.Parameters.AddWithValue("$client", subscription.OwnerClientId);
            command.Parameters.AddWithValue("$user", subscription.OwnerUserId.ToString("D"));
            command.ExecuteNonQuery();
            subscriptions = Load(connection);
        }
    }

    public bool Remove(Guid id)
    {
        lock (gate)
        {
            using var connection = store.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM _synchooks WHERE id = $id";
            command.Parameters.AddWithValue("$id", id.ToString("D"));
            var removed = command.ExecuteNonQuery() > 0;
            subscriptions = Load(connection);
            return removed;
        }
    }

    private static List<SyncHookSubscription> Load(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, entities, url, secret, owner_client, owner_user FROM _synchooks ORDER BY seq";
        using var reader = command.ExecuteReader();
        var loaded = new List<SyncHookSubscription>();
        while (reader.Read())
        {
            loaded.Add(new SyncHookSubscription(
                Guid.Parse(reader.GetString(0)),
                reader.GetString(1).Split(','),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                Guid.Parse(reader.GetString(5))));
        }

        return loaded;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
