using DualWrite.Runtime.Bootstrap;
using DualWrite.Runtime.InitialSync;

namespace DualWrite.Server.Admin.Bootstrap;

/// <summary>
/// One bootstrap under way or done: what it was asked, how far it is, and how it ended. The work reports its
/// progress here, once when it has checked the request and begins, then as it goes.
/// </summary>
internal sealed class BootstrapJob : IProgress<SyncCounts>, IProgress<FileBootstrapProgress>
{
    private readonly Lock gate = new();
    private readonly TaskCompletionSource begun = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private BootstrapJobStatus status = BootstrapJobStatus.Running;
    private DateTimeOffset? endedAt;
    private string? message;
    private SyncCounts counts = new();
    private long bytesRead;
    private long totalBytes;
    private IReadOnlyDictionary<string, long> unlinked = new Dictionary<string, long>();
    private IReadOnlyList<string> ignored = [];

    public BootstrapJob(BootstrapJobKind kind, DateTimeOffset startedAt, string folder, string? map, string? company, string? table)
    {
        Kind = kind;
        StartedAt = startedAt;
        Folder = folder;
        Map = map;
        Company = company;
        Table = table;
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public BootstrapJobKind Kind { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Where the job keeps its files: the upload while it runs, and its error file.</summary>
    public string Folder { get; }

    public string ErrorFile => Path.Combine(Folder, "errors.csv");

    public string? Map { get; }

    public string? Company { get; }

    public string? Table { get; }

    /// <summary>Completes when the work has checked the request and begun; fails with the refusal when it could not.</summary>
    public Task Begun => begun.Task;

    public void Report(SyncCounts value)
    {
        lock (gate)
        {
            counts = value;
        }

        begun.TrySetResult();
    }

    public void Report(FileBootstrapProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (gate)
        {
            (counts, bytesRead, totalBytes) = (value.Counts, value.BytesRead, value.TotalBytes);
        }

        begun.TrySetResult();
    }

    public void Complete(CompanyBootstrapResult result, DateTimeOffset at) => End(BootstrapJobStatus.Completed, result.Counts, null, at);

    public void Complete(FileBootstrapResult result, DateTimeOffset at)
    {
        lock (gate)
        {
            (unlinked, ignored, bytesRead) = (result.UnlinkedCompanies, result.IgnoredColumns, totalBytes);
        }

        End(BootstrapJobStatus.Completed, result.Counts, null, at);
    }

    public void Fail(Exception failure, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(failure);
        End(BootstrapJobStatus.Failed, null, failure.Message, at);
        begun.TrySetException(failure);
    }

    public BootstrapJobAnswer Answer()
    {
        lock (gate)
        {
            return new BootstrapJobAnswer(
                Id, Kind, status, StartedAt, endedAt, message, Map, Company, Table, counts, bytesRead, totalBytes, unlinked, ignored,
                $"{AdminApi.Prefix}/bootstrap/jobs/{Id}/errors.csv");
        }
    }

    private void End(BootstrapJobStatus ended, SyncCounts? final, string? reason, DateTimeOffset at)
    {
        lock (gate)
        {
            (status, endedAt, message) = (ended, at, reason);
            counts = final ?? counts;
        }
    }
}
