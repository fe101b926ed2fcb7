using DualWrite.Environments.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Environments.OData;

/// <summary>Maps an OData service root to a service: every method and path below it, and <c>$batch</c>.</summary>
internal static class ODataEndpoints
{
    public static IEndpointRouteBuilder MapODataService<TService>(this IEndpointRouteBuilder routes, string servicePath)
        where TService : ODataService
    {
        routes.Map(servicePath + "{**path}", (HttpContext context, TService service, EnvironmentCredentials credentials) =>
                HandleAsync(context, service, credentials, servicePath))
            .RequireAuthorization(AuthPolicies.Read)
            .DisableAntiforgery();
        return routes;
    }

    private static async Task HandleAsync(HttpContext context, ODataService service, EnvironmentCredentials credentials, string servicePath)
    {
        var caller = credentials.Find(context.User.FindFirst("appid")?.Value ?? string.Empty);
        if (caller is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var request = context.Request;
        var serviceRoot = $"{request.Scheme}://{request.Host}{servicePath}";
        var path = ResourcePathOf(context, servicePath);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        ODataResponse response;
        if (path == "$batch" && HttpMethods.IsPost(request.Method))
        {
            var continueOnError = headers.TryGetValue("Prefer", out var prefer) && prefer.Contains("odata.continue-on-error", StringComparison.OrdinalIgnoreCase);
            response = await new BatchProcessor(service, caller, serviceRoot, servicePath, continueOnError)
                .RunAsync(request.Body, request.ContentType ?? string.Empty, context.RequestAborted);
        }
        else
        {
            var body = await ReadBodyAsync(request, context.RequestAborted);
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var operation = new ODataRequest(request.Method.ToUpperInvariant(), path, query, headers, body, caller, serviceRoot);
            response = await service.ExecuteAsync(operation, null, context.RequestAborted);
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0)
        {
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
        }
    }

    /// <summary>
    /// The request body. With its length given, it is read into an array of that size: a growing buffer and its
    /// copy would make three large objects of a body of many rows instead of one.
    /// </summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length and <= int.MaxValue)
        {
            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, cancellationToken);
            return body;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>
    /// The path below the service root, unescaped exactly once. The server has already unescaped the request
    /// path (all but <c>%2F</c>), so unescaping that again would turn a key value such as <c>'A%41'</c> into
    /// <c>'AA'</c>; the path is therefore taken from the request target as the client wrote it.
    /// </summary>
    private static string ResourcePathOf(HttpContext context, string servicePath)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return string.IsNullOrEmpty(target) || target[0] != '/'
            ? (string?)context.Request.RouteValues["path"] ?? string.Empty
            : ServiceAddress.Split(target, context.Request.PathBase + servicePath).Path;
    }
}
