using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace DualWrite.Server.Admin.Ui;

/// <summary>
/// The admin page at <c>/</c> and its scripts and styles under <c>/ui/</c>, read from the files embedded in this
/// assembly: plain HTML, CSS and ES modules that call the admin API with the token the person signed in with.
/// </summary>
internal static class AdminUiEndpoints
{
    // The page holds a bearer token; only its own scripts may run, and nothing may frame it.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void MapAdminUi(this IEndpointRouteBuilder app)
    {
        var files = new ManifestEmbeddedFileProvider(Assembly.GetExecutingAssembly(), "Admin/Ui");
        var version = Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToString("N")[..12];
        app.MapGet("/", (HttpContext context) => Serve(context, files, "index.html", version)).ExcludeFromDescription();
        app.MapGet("/ui/{**path}", (HttpContext context, string path) => Serve(context, files, path, version)).ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext context, ManifestEmbeddedFileProvider files, string path, string version)
    {
        var file = files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory || !ContentTypes.TryGetContentType(file.Name, out var contentType))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such page", detail: $"The admin page has no file '{path}'.");
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // A new build of the runtime must reach browsers at once; the tag lets an unchanged file answer 304.
        headers.CacheControl = "no-cache";
        var tag = new EntityTagHeaderValue($"\"{version}-{file.Length}\"");
        return Results.File(file.CreateReadStream(), contentType, lastModified: file.LastModified, entityTag: tag);
    }
}
