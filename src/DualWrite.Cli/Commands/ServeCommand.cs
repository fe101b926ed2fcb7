using System.CommandLine;
using DualWrite.Runtime;
using DualWrite.Runtime.Writing;
using DualWrite.Server.Hosting;
using Spectre.Console;

namespace DualWrite.Cli.Commands;

/// <summary><c>dualwrite serve</c>: the runtime alone, over the store in the data folder, working until stopped.</summary>
internal static class ServeCommand
{
    /// <summary>Where the runtime's store lives in a data folder.</summary>
    public static string StorePath(string dataFolder) => Path.Combine(dataFolder, "runtime", "runtime.db");

    public static Command Create(IAnsiConsole console)
    {
        var port = new Option<int>("--port") { Description = "The runtime's port (0 takes a free one).", DefaultValueFactory = _ => 5100 };
        var data = new Option<string>("--data") { Description = "The folder that keeps the runtime's store.", DefaultValueFactory = _ => ".dualwrite" };
        var batch = new Option<int>("--batch") { Description = "Rows per change set written to an environment.", DefaultValueFactory = _ => new ChangeWriterOptions().BatchSize };
        var parallel = new Option<int>("--parallel") { Description = "Change sets in flight at once.", DefaultValueFactory = _ => new ChangeWriterOptions().Parallelism };
        var verbose = new Option<bool>("--verbose") { Description = "Log the runtime's work to the console." };
        var command = new Command("serve", "Run the runtime: hooks, initial syncs and the work a stopped runtime left.") { port, data, batch, parallel, verbose };
        foreach (var option in (Option<int>[])[batch, parallel])
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError($"{option.Name} takes a number of 1 or more.");
                }
            });
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ServerOptions
            {
                Url = $"http://127.0.0.1:{parse.GetValue(port)}",
                Verbose = parse.GetValue(verbose),
                Runtime = new RuntimeOptions
                {
                    StorePath = StorePath(Path.GetFullPath(parse.GetValue(data)!)),
                    Writer = new ChangeWriterOptions(parse.GetValue(batch), parse.GetValue(parallel)),
                },
            };
            await using var server = await RuntimeServer.StartAsync(options, cancellationToken);
            console.MarkupLineInterpolated($"[bold green]DualWrite runtime[/] [link]{server.BaseAddress}[/]");
            console.MarkupLineInterpolated($"  store  {options.Runtime.StorePath}");
            await UntilStopped.WaitAsync(console, cancellationToken);

            return 0;
        });
        return command;
    }
}
