using DualWrite.Runtime.Monitoring;

namespace DualWrite.Runtime.Store;

public sealed partial class SqliteRuntimeStore
{
    public async Task<AlertRule> SaveAlertRuleAsync(AlertRule rule, CancellationToken cancellationToken)
    {
        long id = rule.Id;
        await WriteAsync(async (c, t) => id = (long)(await Scalar(c, t, """
            INSERT INTO alert_rules (id, map, errors, types, window_seconds, action, webhook) VALUES (@id, @map, @errors, @types, @window, @action, @webhook)
            ON CONFLICT (id) DO UPDATE SET map = excluded.map, errors = excluded.errors, types = excluded.types,
              window_seconds = excluded.window_seconds, action = excluded.action, webhook = excluded.webhook
            RETURNING id
            """, cancellationToken, ("@id", rule.Id == 0 ? null : rule.Id), ("@map", rule.Map), ("@errors", rule.Errors),
            ("@types", string.Join(",", rule.Types)), ("@window", (long)rule.Window.TotalSeconds), ("@action", rule.Action.ToString()),
            ("@webhook", rule.Webhook?.ToString())))!, cancellationToken);
        return rule with { Id = id };
    }

    public async Task<IReadOnlyList<AlertRule>> GetAlertRulesAsync(string? map, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Query(
            connection,
            "SELECT id, map, errors, types, window_seconds, action, webhook FROM alert_rules WHERE @map IS NULL OR map = @map ORDER BY id",
            r => new AlertRule(
                r.GetInt64(0),
                r.GetString(1),
                r.GetInt32(2),
                r.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ErrorType>).ToArray(),
                TimeSpan.FromSeconds(r.GetInt64(4)),
                Enum.Parse<AlertAction>(r.GetString(5)),
                r.IsDBNull(6) ? null : new Uri(r.GetString(6), UriKind.Absolute)),
            cancellationToken,
            ("@map", map));
    }

    public async Task<bool> DeleteAlertRuleAsync(long id, CancellationToken cancellationToken) =>
        await WriteCountAsync((c, t) => ExecuteCount(c, t, "DELETE FROM alert_rules WHERE id = @id", cancellationToken, ("@id", id)), cancellationToken) > 0;
}
