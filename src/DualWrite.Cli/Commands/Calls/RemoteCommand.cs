using System.CommandLine;
using DualWrite.Cli.Output;
using DualWrite.Cli.Remote;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Calls;

/// <summary>
/// Makes commands that talk to the runtime: each gets the shared options, and its failures become the exit codes
/// scripts rely on, with what to do written out: a refusal is 1, a runtime that cannot be reached is 2.
/// </summary>
internal static class RemoteCommand
{
    public static Command Create(string name, string description, Terminal terminal, Func<RemoteCall, Task<int>> action, params Symbol[] symbols)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
                case Command subcommand:
                    command.Subcommands.Add(subcommand);
                    break;
                default:
                    throw new ArgumentException($"{symbol.Name} is neither an argument, an option nor a command.", nameof(symbols));
            }
        }

        var settings = new RemoteSettings();
        settings.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var call = new RemoteCall(parse, settings, terminal, cancellationToken);
            return await InvokeAsync(call, action);
        });
        return command;
    }

    private static async Task<int> InvokeAsync(RemoteCall call, Func<RemoteCall, Task<int>> action)
    {
        var console = call.Console;
        try
        {
            return await action(call);
        }
        catch (RuntimeUnreachableException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ExitCode.Usage;
        }
        catch (AdminApiException e)
        {
            if (call.Json)
            {
                call.WriteJson(e.Problem);
                return ExitCode.Failed;
            }

            console.MarkupLineInterpolated($"[red]{(e.Problem.Status is null ? string.Empty : $"{(int)e.Status} ")}{e.Problem.Title ?? e.Status.ToString()}[/]");
            if (e.Problem.Detail is { } detail)
            {
                console.MarkupLineInterpolated($"{detail}");
            }

            if (e.Problem.Findings is { Count: > 0 } findings)
            {
                console.Write(FindingTable.Of(findings));
            }

            return ExitCode.Failed;
        }
        catch (UsageException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ExitCode.Usage;
        }
    }
}
