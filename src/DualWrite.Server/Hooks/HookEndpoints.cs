using DualWrite.Runtime;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.LiveSync;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Server.Hooks;

/// <summary>
/// <c>POST /hooks/finops</c> and <c>POST /hooks/dataverse</c>: the environments call them inside their users'
/// transactions, authenticated by the link's hook secret rather than a bearer token.
/// </summary>
internal static class HookEndpoints
{
    public static void MapHookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/finops", (HttpContext context, DualWriteRuntime runtime) => ReceiveAsync(context, runtime, HookSource.FinOps));
        app.MapPost("/hooks/dataverse", (HttpContext context, DualWriteRuntime runtime) => ReceiveAsync(context, runtime, HookSource.Dataverse));
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, DualWriteRuntime runtime, HookSource source)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var secret = context.Request.Headers[ConnectionService.HookSecretHeader].FirstOrDefault();
        var verdict = await runtime.Hooks.ReceiveAsync(source, secret, body.GetBuffer().AsMemory(0, (int)body.Length), context.RequestAborted);
        return verdict.IsAccepted
            ? Results.Ok()
            : Results.Problem(statusCode: verdict.Status, title: "The change was refused", detail: verdict.Message);
    }
}
