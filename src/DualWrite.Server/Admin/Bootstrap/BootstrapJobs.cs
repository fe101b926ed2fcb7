using System.Collections.Concurrent;
using System.Text.Json;
using DualWrite.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DualWrite.Server.Admin.Bootstrap;

/// <summary>
/// The bootstrap jobs of this runtime: each runs in the background until done or until the server stops, and is
/// answered from here while it runs and after, also once the runtime has restarted. A job the work refuses before it
/// begins (an unlinked company, a file without its key columns) is not kept: its refusal is the answer to the request.
/// </summary>
internal sealed class BootstrapJobs
{
    private readonly ConcurrentDictionary<string, BootstrapJob> jobs = new(StringComparer.Ordinal);
    private readonly TimeProvider time;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger<BootstrapJobs> logger;

    public BootstrapJobs(DualWriteRuntime runtime, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<BootstrapJobs> logger)
    {
        (this.time, this.lifetime, this.logger) = (time, lifetime, logger);
        Load(runtime.BootstrapFolder);
    }

    public IReadOnlyList<BootstrapJob> All => jobs.Values.OrderByDescending(j => j.StartedAt).ToArray();

    public BootstrapJob? Find(string id) => jobs.GetValueOrDefault(id);

    /// <summary>Starts <paramref name="work"/> for <paramref name="job"/> and returns once it has begun.</summary>
    /// <param name="job">The job, with its folder made.</param>
    /// <param name="work">The work; it reports to the job, and its result completes it.</param>
    /// <param name="cleanUp">Run when the work ends, however it ends: removes what only the work needed.</param>
    /// <exception cref="Exception">Whatever refused the work before it began.</exception>
    public async Task<BootstrapJob> StartAsync(BootstrapJob job, Func<CancellationToken, Task> work, Action cleanUp)
    {
        jobs[job.Id] = job;
        var running = Task.Run(async () =>
        {
            try
            {
                await work(lifetime.ApplicationStopping);
            }
            catch (Exception e)
            {
                var stopped = e is OperationCanceledException && lifetime.ApplicationStopping.IsCancellationRequested;
                job.Fail(e, stopped ? BootstrapJob.Interrupted : e.Message, time.GetUtcNow());
                BootstrapLog.JobFailed(logger, job.Id, job.Kind, e.Message, e);
            }
            finally
            {
                cleanUp();
            }

            // A job refused before it began leaves nothing to list.
            if (job.Begun.IsCompletedSuccessfully)
            {
                Save(job);
            }
        });

        try
        {
            await job.Begun;
        }
        catch
        {
            // Refused before it began: nothing was written, so nothing is kept, its folder included, once the work
            // has let go of it (the work catches everything, so waiting for it throws nothing).
            jobs.TryRemove(job.Id, out _);
            await running;
            RemoveFolder(job);
            throw;
        }

        Save(job);
        return job;
    }

    /// <summary>The upload is only needed while the job reads it; its error file stays to be read.</summary>
    public void RemoveUpload(BootstrapJob job)
    {
        try
        {
            File.Delete(job.Upload);
        }
        catch (IOException e)
        {
            BootstrapLog.UploadLeft(logger, job.Id, job.Upload, e.Message);
        }
    }

    private void RemoveFolder(BootstrapJob job)
    {
        try
        {
            Directory.Delete(job.Folder, recursive: true);
        }
        catch (IOException e)
        {
            BootstrapLog.FolderLeft(logger, job.Folder, e.Message);
        }
    }

    private void Save(BootstrapJob job)
    {
        try
        {
            job.Save();
        }
        catch (IOException e)
        {
            BootstrapLog.JobNotSaved(logger, job.Id, job.Record, e.Message);
        }
    }

    /// <summary>
    /// Takes up the jobs earlier runs of the runtime wrote. One still written as running ended with that run: it is
    /// written again as failed, once, and the upload it was reading is removed.
    /// </summary>
    private void Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var jobFolder in Directory.EnumerateDirectories(folder).Where(f => File.Exists(Path.Combine(f, "job.json"))))
        {
            BootstrapJob job;
            try
            {
                job = BootstrapJob.Load(jobFolder, time.GetUtcNow());
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                BootstrapLog.JobNotLoaded(logger, jobFolder, e.Message);
                continue;
            }

            jobs[job.Id] = job;
            if (job.CutOff)
            {
                RemoveUpload(job);
                Save(job);
            }
        }
    }
}
