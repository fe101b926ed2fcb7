using System.CommandLine;
using DualWrite.Environments.Faults;

namespace DualWrite.Cli.Commands;

/// <summary>The options every command that starts environments shares.</summary>
internal sealed class EnvironmentSettings
{
    public Option<string> Data { get; } = new("--data")
    {
        Description = "The folder that keeps the databases and the generated credentials.",
        DefaultValueFactory = _ => ".dualwrite",
    };

    public Option<bool> Fresh { get; } = new("--fresh") { Description = "Delete the data folder first and start over." };

    public Option<double> Throttle { get; } = new("--throttle") { Description = "Answer this share of requests (0 to 1) with 429 Too Many Requests." };

    public Option<int> Latency { get; } = new("--latency") { Description = "Add this many milliseconds to every request." };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log every request to the console." };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Fresh);
        command.Options.Add(Throttle);
        command.Options.Add(Latency);
        command.Options.Add(Verbose);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Throttle) is < 0 or > 1)
            {
                result.AddError("--throttle takes a share between 0 and 1, such as 0.1 for one request in ten.");
            }

            if (result.GetValue(Latency) < 0)
            {
                result.AddError("--latency takes a number of milliseconds of 0 or more.");
            }
        });
    }

    public FaultSettings Faults(ParseResult parse) => new()
    {
        ThrottleShare = parse.GetValue(Throttle),
        LatencyMilliseconds = parse.GetValue(Latency),
    };

    /// <summary>The data folder, emptied first when <c>--fresh</c> asks for it.</summary>
    public string PrepareDataFolder(ParseResult parse)
    {
        var folder = Path.GetFullPath(parse.GetValue(Data)!);
        if (parse.GetValue(Fresh) && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}
