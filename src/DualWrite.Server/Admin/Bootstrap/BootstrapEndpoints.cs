using DualWrite.Runtime;
using DualWrite.Runtime.Bootstrap;
using DualWrite.Server.Admin.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Server.Admin.Bootstrap;

/// <summary>
/// Bootstraps as jobs: one gives Dataverse rows without a company one, the other loads an uploaded data-management
/// export through a map. Each answers 202 once its work has checked the request and begun, with the job's address,
/// where its progress, counts and finally its error file are read, by readers too.
/// </summary>
internal static class BootstrapEndpoints
{
    public static void MapBootstrapEndpoints(this IEndpointRouteBuilder read, IEndpointRouteBuilder change)
    {
        change.MapPost("/bootstrap/company", CompanyAsync).WithTags("Bootstrap");
        change.MapPost("/bootstrap/file", FileAsync).Accepts<string>("text/csv").WithTags("Bootstrap");
        read.MapGet("/bootstrap/jobs", List).WithTags("Bootstrap");
        read.MapGet("/bootstrap/jobs/{id}", Get).WithTags("Bootstrap");
        read.MapGet("/bootstrap/jobs/{id}/errors.csv", Errors).Produces<string>(contentType: "text/csv").WithTags("Bootstrap");
    }

    private static async Task<Accepted<BootstrapJobAnswer>> CompanyAsync(CompanyBootstrapBody body, DualWriteRuntime runtime, BootstrapJobs jobs, TimeProvider time)
    {
        var job = new BootstrapJob(BootstrapJobKind.Company, time.GetUtcNow(), FolderFor(runtime), null, body.Company, body.Table);
        Directory.CreateDirectory(job.Folder);
        var options = new CompanyBootstrapOptions(body.Company, body.Table, body.Filter) { ErrorFile = job.ErrorFile };
        await jobs.StartAsync(job, async stopping => job.Complete(await runtime.BootstrapCompanyAsync(options, job, stopping), time.GetUtcNow()), () => { });
        return Accepted(job);
    }

    private static async Task<Accepted<BootstrapJobAnswer>> FileAsync(
        string map, string? to, HttpContext context, DualWriteRuntime runtime, BootstrapJobs jobs, TimeProvider time, CancellationToken cancellationToken)
    {
        if (to is not null && !string.Equals(to, "dataverse", StringComparison.OrdinalIgnoreCase))
        {
            throw new AdminRequestException("to", $"a data-management export holds F&O rows, which go to Dataverse: leave 'to' out or give 'dataverse', not '{to}'");
        }

        var found = await runtime.RequireAsync(map, cancellationToken);
        var job = new BootstrapJob(BootstrapJobKind.File, time.GetUtcNow(), FolderFor(runtime), found.Name, null, null);
        Directory.CreateDirectory(job.Folder);

        // An export of millions of rows is far larger than the server takes in one body by default.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        await using (var file = new FileStream(job.Upload, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await context.Request.Body.CopyToAsync(file, cancellationToken);
        }

        var options = new FileBootstrapOptions(job.Upload) { ErrorFile = job.ErrorFile };
        await jobs.StartAsync(job, async stopping => job.Complete(await runtime.BootstrapFileAsync(found.Name, options, job, stopping), time.GetUtcNow()), () => jobs.RemoveUpload(job));
        return Accepted(job);
    }

    private static BootstrapJobAnswer[] List(BootstrapJobs jobs) => jobs.All.Select(j => j.Answer()).ToArray();

    private static BootstrapJobAnswer Get(string id, BootstrapJobs jobs) => Require(id, jobs).Answer();

    private static PhysicalFileHttpResult Errors(string id, BootstrapJobs jobs)
    {
        var job = Require(id, jobs);
        return File.Exists(job.ErrorFile)
            ? TypedResults.PhysicalFile(job.ErrorFile, "text/csv; charset=utf-8", $"bootstrap-{job.Id}-errors.csv")
            : throw new NotFoundException(AdminProblem.NotFound, $"Bootstrap job {job.Id} has no error file: it was refused or stopped before it began.");
    }

    private static BootstrapJob Require(string id, BootstrapJobs jobs) =>
        jobs.Find(id) ?? throw new NotFoundException(AdminProblem.NotFound, $"There is no bootstrap job '{id}': GET {AdminApi.Prefix}/bootstrap/jobs lists them.");

    private static Accepted<BootstrapJobAnswer> Accepted(BootstrapJob job) =>
        TypedResults.Accepted($"{AdminApi.Prefix}/bootstrap/jobs/{job.Id}", job.Answer());

    private static string FolderFor(DualWriteRuntime runtime) => Path.Combine(runtime.BootstrapFolder, Guid.NewGuid().ToString("N"));
}
