using System.CommandLine;
using DualWrite.Environments.Hosting;
using Spectre.Console;

namespace DualWrite.Cli.Commands;

/// <summary><c>dualwrite up</c>: everything on one machine, with demo data.</summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var settings = new EnvironmentSettings();
        var finOpsPort = new Option<int>("--finops-port") { Description = "The Finance and Operations environment's port.", DefaultValueFactory = _ => 5101 };
        var dataversePort = new Option<int>("--dataverse-port") { Description = "The Dataverse environment's port.", DefaultValueFactory = _ => 5102 };
        var command = new Command("up", "Run both environments on loopback with demo data.") { finOpsPort, dataversePort };
        settings.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var folder = settings.PrepareDataFolder(parse);
            EnvironmentOptions For(EnvironmentKind kind, string name, Option<int> port) => new()
            {
                Kind = kind,
                DataDirectory = Path.Combine(folder, name),
                Url = $"http://127.0.0.1:{parse.GetValue(port)}",
                Demo = true,
                Faults = settings.Faults(parse),
                Verbose = parse.GetValue(settings.Verbose),
            };
            return EnvironmentRunner.RunAsync(
                [For(EnvironmentKind.FinOps, "finops", finOpsPort), For(EnvironmentKind.Dataverse, "dataverse", dataversePort)],
                AnsiConsole.Console,
                cancellationToken);
        });
        return command;
    }
}
