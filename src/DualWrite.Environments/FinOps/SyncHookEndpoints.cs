using DualWrite.Environments.Auth;
using DualWrite.Environments.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Environments.FinOps;

/// <summary>
/// The environment's admin API for sync hooks: who is called, for which entities, with which secret.
/// The registering principal becomes the owner, whose own writes do not fire the hook.
/// </summary>
internal static class SyncHookEndpoints
{
    public static IEndpointRouteBuilder MapSyncHookEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/synchooks").RequireAuthorization(AuthPolicies.Administer).DisableAntiforgery();
        group.MapGet("/", (SyncHookRegistry registry) => Results.Json(registry.All.Select(Describe)));
        group.MapPost("/", Register);
        group.MapDelete("/{id:guid}", (Guid id, SyncHookRegistry registry) =>
            registry.Remove(id) ? Results.NoContent() : Error(404, $"There is no sync hook with id {id}."));
        return routes;
    }

    private static IResult Register(SyncHookRegistration registration, HttpContext context, SyncHookRegistry registry, EnvironmentStore store, EnvironmentCredentials credentials)
    {
        var owner = credentials.Find(context.User.FindFirst("appid")?.Value ?? string.Empty);
        if (owner is null)
        {
            return Results.Unauthorized();
        }

        if (registration.Entities is not { Count: > 0 })
        {
            return Error(400, "'entities' must list at least one entity name, or \"*\" for all.");
        }

        var unknown = registration.Entities.Where(e => e != "*" && store.Schema.FindTable(e) is null && store.Schema.FindByEntitySet(e) is null).ToArray();
        if (unknown.Length > 0)
        {
            return Error(400, $"Unknown entities: {string.Join(", ", unknown)}.");
        }

        if (!Uri.TryCreate(registration.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return Error(400, $"'url' must be an absolute http or https address; got '{registration.Url}'.");
        }

        if (string.IsNullOrWhiteSpace(registration.Secret))
        {
            return Error(400, "'secret' is required: the subscriber uses it to know the call comes from this environment.");
        }

        var entities = registration.Entities
            .Select(e => e == "*" ? e : (store.Schema.FindTable(e) ?? store.Schema.FindByEntitySet(e))!.Name)
            .ToArray();
        var subscription = new SyncHookSubscription(Guid.NewGuid(), entities, url.ToString(), registration.Secret, owner.ClientId, owner.UserId);
        registry.Add(subscription);
        return Results.Json(Describe(subscription), statusCode: StatusCodes.Status201Created);
    }

    private static object Describe(SyncHookSubscription s) => new { id = s.Id, entities = s.Entities, url = s.Url, ownerClientId = s.OwnerClientId };

    private static IResult Error(int status, string message) =>
        Results.Json(new { error = new { code = "BadRequest", message } }, statusCode: status);
}
