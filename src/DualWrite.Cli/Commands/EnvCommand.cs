using System.CommandLine;
using DualWrite.Environments.Hosting;
using Spectre.Console;

namespace DualWrite.Cli.Commands;

/// <summary><c>dualwrite env finops|dataverse</c>: one emulated environment on its own.</summary>
internal static class EnvCommand
{
    public static Command Create() => new("env", "Run one emulated environment.")
    {
        Environment("finops", "The Finance and Operations OData service (/data/).", EnvironmentKind.FinOps, 5101),
        Environment("dataverse", "The Dataverse Web API (/api/data/v9.2/).", EnvironmentKind.Dataverse, 5102),
    };

    private static Command Environment(string name, string description, EnvironmentKind kind, int defaultPort)
    {
        var settings = new EnvironmentSettings();
        var port = new Option<int>("--port") { Description = "The loopback port to listen on.", DefaultValueFactory = _ => defaultPort };
        var demo = new Option<bool>("--demo") { Description = "Seed demo data: companies usmf, gbsi and dat, reference data, customers and vendors." };
        var command = new Command(name, description) { port, demo };
        settings.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var folder = settings.PrepareDataFolder(parse);
            var options = new EnvironmentOptions
            {
                Kind = kind,
                DataDirectory = Path.Combine(folder, name),
                Url = $"http://127.0.0.1:{parse.GetValue(port)}",
                Demo = parse.GetValue(demo),
                Faults = settings.Faults(parse),
                Verbose = parse.GetValue(settings.Verbose),
            };
            return EnvironmentRunner.RunAsync([options], AnsiConsole.Console, cancellationToken);
        });
        return command;
    }
}
