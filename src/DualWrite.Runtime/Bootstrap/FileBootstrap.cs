using System.Threading.Channels;
using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Mapping;
using DualWrite.Runtime.DataManagement;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime.Bootstrap;

/// <summary>
/// Loads a data-management export of a map's F&amp;O entity into Dataverse through the map, as initial sync would
/// write those rows: the same row mapper (filter, transforms, company, lookups) and the same change writer. Rows are
/// upserted by the integration key with the company; a row Dataverse already holds as the file has it is left alone,
/// so a second run writes nothing; Dataverse rows the file does not name are never touched. The file is read in
/// batches, each compared with what Dataverse holds for its keys and written while the next one is read and mapped.
/// </summary>
public sealed partial class FileBootstrap
{
    private readonly DataverseClient dataverse;
    private readonly ChangeWriter writer;
    private readonly RowMapper mapper;
    private readonly HashSet<string> linked;
    private readonly TimeProvider time;

    /// <param name="dataverse">Dataverse as the runtime's application user.</param>
    /// <param name="writer">The change writer, with its lookup resolver.</param>
    /// <param name="mapper">The map's row mapper, made with the linked companies.</param>
    /// <param name="companies">The linked companies; rows of others are skipped and counted by company.</param>
    /// <param name="time">The clock that times the run.</param>
    public FileBootstrap(DataverseClient dataverse, ChangeWriter writer, RowMapper mapper, IReadOnlyCollection<string> companies, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        this.dataverse = dataverse;
        this.writer = writer;
        this.mapper = mapper;
        linked = new HashSet<string>(companies, StringComparer.OrdinalIgnoreCase);
        this.time = time ?? TimeProvider.System;
        if (mapper.Key.Any(k => k.Dataverse.IsLookup))
        {
            throw new BootstrapException($"{mapper.Map.Name}: a file is matched to Dataverse rows by the columns of the key, and this map's key goes through a lookup");
        }

        if (!mapper.Map.Fields.Any(f => f.Carries(Core.Maps.SyncDirection.FinOpsToDataverse)))
        {
            throw new BootstrapException($"{mapper.Map.Name} carries nothing from F&O to Dataverse, so a file of F&O rows has nothing to give it");
        }
    }

    /// <summary>
    /// Loads the file to its end; a row that fails is listed in the error file and the run goes on. Progress is
    /// reported once the header has been read, and after each batch.
    /// </summary>
    /// <exception cref="DataManagementCsvException">The file's header cannot be read or lacks a key column; nothing was written.</exception>
    public async Task<FileBootstrapResult> RunAsync(FileBootstrapOptions options, IProgress<FileBootstrapProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = time.GetTimestamp();
        var total = new FileInfo(options.File).Length;
        var input = new FileStream(options.File, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var reader = await DataManagementCsvReader.OpenAsync(input, Path.GetFileName(options.File), mapper.FinOpsTable, mapper.FinOpsFieldsRead, cancellationToken);
        await using var errors = BootstrapErrorFile.Create(options.ErrorFile ?? BootstrapErrorFile.Beside(options.File));
        var run = new Run(this, errors);
        progress?.Report(new FileBootstrapProgress(run.Counts, 0, total));

        // One batch waits while another is written: reading and mapping go on beside the writes, in bounded memory.
        var batches = Channel.CreateBounded<(FileBootstrapRow[] Rows, long BytesRead)>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAsync(reader, options.RowsPerBatch, batches.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var (rows, bytesRead) in batches.Reader.ReadAllAsync(stop.Token))
            {
                await run.SettleAsync(rows, final: false, stop.Token);
                progress?.Report(new FileBootstrapProgress(run.Counts, bytesRead, total));
            }

            await reading;
            await run.SettleAsync([], final: true, stop.Token);
        }
        catch
        {
            // The reader stops with the run; the failure reported is the run's own.
            await stop.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        progress?.Report(new FileBootstrapProgress(run.Counts, total, total));
        return new FileBootstrapResult(run.Counts, run.UnlinkedCompanies, reader.IgnoredColumns, errors.Path, time.GetElapsedTime(started));
    }

    private async Task ReadAsync(DataManagementCsvReader reader, int rowsPerBatch, ChannelWriter<(FileBootstrapRow[] Rows, long BytesRead)> batches, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var batch = new List<FileBootstrapRow>(rowsPerBatch);
            await foreach (var record in reader.ReadAsync(cancellationToken))
            {
                batch.Add(record.Row is { } row
                    ? new FileBootstrapRow(record.Line, record.Key, row, mapper.ToDataverse(row), null)
                    : new FileBootstrapRow(record.Line, record.Key, null, null, record.Error));
                if (batch.Count == rowsPerBatch)
                {
                    await batches.WriteAsync(([.. batch], reader.BytesRead), cancellationToken);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await batches.WriteAsync(([.. batch], reader.BytesRead), cancellationToken);
            }
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            batches.TryComplete(failure);
        }
    }
}
