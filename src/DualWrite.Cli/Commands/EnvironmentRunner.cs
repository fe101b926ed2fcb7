using DualWrite.Environments.Hosting;
using Spectre.Console;

namespace DualWrite.Cli.Commands;

/// <summary>Starts environments, says where they are and how to call them, and stops them cleanly on Ctrl+C.</summary>
internal static class EnvironmentRunner
{
    public static async Task<int> RunAsync(IReadOnlyList<EnvironmentOptions> environments, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var running = new List<RunningEnvironment>();
        try
        {
            foreach (var options in environments)
            {
                try
                {
                    running.Add(await EnvironmentHost.StartAsync(options, cancellationToken));
                }
                catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                {
                    console.MarkupLineInterpolated($"[red]Cannot listen on {options.Url}:[/] {e.Message.TrimEnd('.')}. Choose another port or stop what uses it.");
                    return 1;
                }
            }

            Report(running, console);
            await UntilStopped.WaitAsync(console, cancellationToken);
            return 0;
        }
        finally
        {
            foreach (var environment in running)
            {
                await environment.DisposeAsync();
            }
        }
    }

    public static void Report(IReadOnlyList<RunningEnvironment> running, IAnsiConsole console)
    {
        foreach (var environment in running)
        {
            var name = environment.Options.Kind == EnvironmentKind.FinOps ? "Finance and Operations" : "Dataverse";
            console.MarkupLineInterpolated($"[bold green]{name}[/] [link]{environment.ServiceRoot}[/]");
            console.MarkupLineInterpolated($"  token endpoint  {environment.TokenEndpoint}");
            console.MarkupLineInterpolated($"  credentials     {environment.CredentialsPath}");
            if (environment.DemoSummary is { } summary)
            {
                console.MarkupLineInterpolated($"  [grey]{summary}[/]");
            }
        }
    }
}
