using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DualWrite.Server.Admin.Bootstrap;

/// <summary>
/// The bootstrap jobs this server has run since it started: each runs in the background until done or until the
/// server stops, and is answered from here while it runs and after. A job the work refuses before it begins (an
/// unlinked company, a file without its key columns) is not kept: its refusal is the answer to the request.
/// </summary>
internal sealed class BootstrapJobs(TimeProvider time, IHostApplicationLifetime lifetime, ILogger<BootstrapJobs> logger)
{
    private readonly ConcurrentDictionary<string, BootstrapJob> jobs = new(StringComparer.Ordinal);

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
        _ = Task.Run(async () =>
        {
            try
            {
                await work(lifetime.ApplicationStopping);
            }
            catch (Exception e)
            {
                job.Fail(e, time.GetUtcNow());
                BootstrapLog.JobFailed(logger, job.Id, job.Kind, e.Message, e);
            }
            finally
            {
                cleanUp();
            }
        });

        try
        {
            await job.Begun;
        }
        catch
        {
            jobs.TryRemove(job.Id, out _);
            throw;
        }

        return job;
    }
}
