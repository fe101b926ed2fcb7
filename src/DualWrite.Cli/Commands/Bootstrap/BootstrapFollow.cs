using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Output;
using DualWrite.Cli.Remote;
using DualWrite.Cli.Remote.Shapes;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Bootstrap;

/// <summary>Follows a bootstrap job until it ends, asking the runtime again and again, then says what it did.</summary>
internal static class BootstrapFollow
{
    private const string Running = "Running";

    /// <param name="call">The command's call.</param>
    /// <param name="job">The job as the runtime answered its start.</param>
    /// <param name="errorFile">Where to write the failed rows when there are any; null to only say where the runtime keeps them.</param>
    public static async Task<int> RunAsync(RemoteCall call, BootstrapJob job, string? errorFile)
    {
        ApiReply<BootstrapJob> last;
        if (call.Json)
        {
            last = await PollAsync(call, job.Id, _ => { });
        }
        else
        {
            last = await call.Console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Markup.Escape(job.Map ?? $"{job.Table} to {job.Company}"), maxValue: 1);
                    return await PollAsync(call, job.Id, look => Show(task, look));
                });
        }

        var ended = last.Value;
        if (errorFile is not null && ended.Counts.Failed > 0)
        {
            await UsageException.AroundFileAsync(errorFile, async () =>
            {
                await call.Client.DownloadBootstrapErrorsAsync(ended.Id, errorFile, call.CancellationToken);
                return true;
            });
        }

        if (call.Json)
        {
            call.WriteJson(last.Json);
        }
        else
        {
            Write(call.Console, ended, errorFile);
        }

        return ended.Status == "Completed" && ended.Counts.Failed == 0 ? ExitCode.Success : ExitCode.Failed;
    }

    private static async Task<ApiReply<BootstrapJob>> PollAsync(RemoteCall call, string id, Action<BootstrapJob> show)
    {
        while (true)
        {
            var look = await call.Client.GetBootstrapJobAsync(id, call.CancellationToken);
            show(look.Value);
            if (look.Value.Status != Running)
            {
                return look;
            }

            await Task.Delay(call.Terminal.PollInterval, call.Terminal.Time, call.CancellationToken);
        }
    }

    /// <summary>A file's progress is how much of it has been read; a company bootstrap's is only known at its end.</summary>
    private static void Show(ProgressTask task, BootstrapJob job)
    {
        var counts = job.Counts;
        task.Description = Markup.Escape($"{job.Map ?? $"{job.Table} to {job.Company}"}: {counts.Read:N0} read, {counts.Created + counts.Updated:N0} written, {counts.Failed:N0} failed");
        if (job.Status != Running)
        {
            task.Value = task.MaxValue;
            task.StopTask();
        }
        else if (job.TotalBytes > 0)
        {
            task.MaxValue = job.TotalBytes;
            task.Value = job.BytesRead;
        }
        else
        {
            task.IsIndeterminate = true;
        }
    }

    private static void Write(IAnsiConsole console, BootstrapJob job, string? errorFile)
    {
        console.MarkupLineInterpolated($"[bold]{job.Map ?? $"{job.Table} to {job.Company}"}[/]: bootstrap {job.Status}, {Cell.Plain(job.StartedAt)} to {Cell.Plain(job.EndedAt) ?? "now"}");
        if (job.Message is { } message)
        {
            console.MarkupLineInterpolated($"[red]{message}[/]");
        }

        var table = new Table();
        foreach (var column in (string[])["Read", "Created", "Updated", "Unchanged", "Skipped", "Failed"])
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        var counts = job.Counts;
        table.AddRow(Cell.Count(counts.Read), Cell.Count(counts.Created), Cell.Count(counts.Updated), Cell.Count(counts.Unchanged), Cell.Count(counts.Skipped), Cell.Count(counts.Failed));
        console.Write(table);
        foreach (var (company, rows) in job.UnlinkedCompanies)
        {
            console.MarkupLineInterpolated($"Skipped {rows:N0} row(s) of the company {company}, which is not linked.");
        }

        if (job.IgnoredColumns.Count > 0)
        {
            console.MarkupLineInterpolated($"Columns the map does not use, ignored: {string.Join(", ", job.IgnoredColumns)}.");
        }

        if (counts.Failed > 0)
        {
            console.MarkupLineInterpolated($"The failed rows, with their line, key and reason: {errorFile ?? job.Errors}");
        }
    }
}
