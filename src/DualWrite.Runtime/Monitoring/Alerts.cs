using System.Collections.Concurrent;
using System.Net.Http.Json;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Store;
using Microsoft.Extensions.Logging;

namespace DualWrite.Runtime.Monitoring;

/// <summary>
/// Checks a map's alert rules each time an error is logged for it, and fires those whose count is reached: the
/// log, the map's activity log and the rule's webhook hear of it, and the map is paused or stopped if the rule
/// says so. A rule fires at most once per window.
/// </summary>
internal sealed class Alerts(IRuntimeStore store, MapLifecycle lifecycle, HttpClient http, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan WebhookTimeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<long, DateTimeOffset> firedAt = new();

    public async Task OnErrorAsync(string map, CancellationToken cancellationToken)
    {
        foreach (var rule in await store.GetAlertRulesAsync(map, cancellationToken))
        {
            var now = time.GetUtcNow();
            if (firedAt.TryGetValue(rule.Id, out var at) && now - at < rule.Window)
            {
                continue;
            }

            var count = await store.CountErrorsAsync(new ErrorQuery { Map = map, From = now - rule.Window, Types = rule.Types }, cancellationToken);
            if (count < rule.Errors || !firedAt.TryAdd(rule.Id, now) && !firedAt.TryUpdate(rule.Id, now, at))
            {
                continue;
            }

            await FireAsync(rule, count, cancellationToken);
        }
    }

    private async Task FireAsync(AlertRule rule, long count, CancellationToken cancellationToken)
    {
        var kinds = rule.Types.Count == 0 ? string.Empty : " " + string.Join(" or ", rule.Types).ToLowerInvariant();
        var message = $"{count}{kinds} errors within {rule.Window.TotalMinutes:N0} minutes" + rule.Action switch
        {
            AlertAction.Pause => "; the map is paused: its changes queue until it is resumed",
            AlertAction.Stop => "; the map is stopped",
            _ => string.Empty,
        };
        RuntimeLog.AlertFired(logger, rule.Map, rule.Id, message);
        await store.AppendActivityAsync(rule.Map, $"alert rule {rule.Id}", "Alert", message, cancellationToken);
        if (rule.Action != AlertAction.Notify)
        {
            try
            {
                await lifecycle.ApplyAsync([rule.Map], rule.Action == AlertAction.Pause ? MapAction.Pause : MapAction.Stop, $"alert rule {rule.Id}", cancellationToken);
            }
            catch (LifecycleException e)
            {
                // The map was not running (someone paused or stopped it first): the notice still goes out.
                RuntimeLog.AlertActionRefused(logger, rule.Map, rule.Id, e.Message);
            }
        }

        if (rule.Webhook is { } webhook)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(WebhookTimeout);
                using var response = await http.PostAsJsonAsync(webhook, new { map = rule.Map, rule = rule.Id, errors = count, action = rule.Action.ToString(), message, at = time.GetUtcNow() }, timeout.Token);
                response.EnsureSuccessStatusCode();
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                RuntimeLog.AlertWebhookFailed(logger, rule.Map, rule.Id, webhook, e.Message);
            }
        }
    }
}
