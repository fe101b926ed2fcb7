using System.Text.Json;
using System.Text.Json.Serialization;
using DualWrite.Runtime.Bootstrap;
using DualWrite.Runtime.InitialSync;

namespace DualWrite.Server.Admin.Bootstrap;

/// <summary>
/// One bootstrap under way or done: what it was asked, how far it is, and how it ended. The work reports its
/// progress here, once when it has checked the request and begins, then as it goes. The job is written to its
/// folder when it begins and when it ends, so that a restarted runtime still lists it, and says when it was cut off.
/// </summary>
internal sealed class BootstrapJob : IProgress<SyncCounts>, IProgress<FileBootstrapProgress>
{
    /// <summary>Why a job ended that was running when the runtime stopped.</summary>
    public const string Interrupted = "The runtime stopped before this job ended. What it wrote is kept; run it again to finish: rows Dataverse already holds as asked count as unchanged.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() }, WriteIndented = true };

    private readonly Lock gate = new();
    private readonly Lock saving = new();
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

    /// <summary>The name of its folder, which is made for it alone.</summary>
    public string Id => Path.GetFileName(Folder);

    public BootstrapJobKind Kind { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Where the job keeps its files: the upload while it runs, and its error file.</summary>
    public string Folder { get; }

    public string ErrorFile => Path.Combine(Folder, "errors.csv");

    /// <summary>Where an uploaded file is kept while the job reads it.</summary>
    public string Upload => Path.Combine(Folder, "upload.csv");

    /// <summary>Where the job is written: its answer as JSON.</summary>
    public string Record => Path.Combine(Folder, "job.json");

    public string? Map { get; }

    public string? Company { get; }

    public string? Table { get; }

    /// <summary>Whether the job was loaded as still running: the runtime that ran it stopped without ending it.</summary>
    public bool CutOff { get; private set; }

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

    public void Fail(Exception failure, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(failure);
        End(BootstrapJobStatus.Failed, null, reason, at);
        begun.TrySetException(failure);
    }

    /// <summary>Writes the job to its folder, whole or not at all.</summary>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    public void Save()
    {
        lock (saving)
        {
            var temporary = Record + ".tmp";
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(Answer(), Json));
            File.Move(temporary, Record, overwrite: true);
        }
    }

    /// <summary>A job written by an earlier run of the runtime; one that was still running then was cut off by its stop.</summary>
    /// <exception cref="IOException">The record cannot be read.</exception>
    /// <exception cref="JsonException">The record is not a job.</exception>
    public static BootstrapJob Load(string folder, DateTimeOffset now)
    {
        var saved = JsonSerializer.Deserialize<BootstrapJobAnswer>(File.ReadAllBytes(Path.Combine(folder, "job.json")), Json)
            ?? throw new JsonException("the record is empty");
        var job = new BootstrapJob(saved.Kind, saved.StartedAt, folder, saved.Map, saved.Company, saved.Table)
        {
            counts = saved.Counts,
            bytesRead = saved.BytesRead,
            totalBytes = saved.TotalBytes,
            unlinked = saved.UnlinkedCompanies,
            ignored = saved.IgnoredColumns,
        };
        job.begun.TrySetResult();
        if (saved.Status == BootstrapJobStatus.Running)
        {
            job.CutOff = true;
            job.End(BootstrapJobStatus.Failed, null, Interrupted, now);
        }
        else
        {
            job.End(saved.Status, null, saved.Message, saved.EndedAt ?? now);
        }

        return job;
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
