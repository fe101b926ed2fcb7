using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Output;
using DualWrite.Cli.Remote.Shapes;
using Spectre.Console;

namespace DualWrite.Cli.Commands.Connection;

/// <summary><c>dualwrite link</c>: links the two environments, shows the link, adds and removes companies.</summary>
internal static class LinkCommand
{
    public static Command Create(Terminal terminal)
    {
        var finOps = new LinkSide("finops", "F&O", "http://127.0.0.1:5101/data/");
        var dataverse = new LinkSide("dataverse", "Dataverse", "http://127.0.0.1:5102/api/data/v9.2/");
        var hookBase = UriOption.Create("--hook-base-url", "Where the environments call the runtime's hooks; the runtime's address by default.");
        var companies = new Option<string[]>("--company") { Description = "A legal entity to sync (may repeat); dat by default.", AllowMultipleArgumentsPerToken = true };
        var link = RemoteCommand.Create("link", "Link an F&O environment with a Dataverse environment.", terminal, async call =>
        {
            var body = new LinkBody(
                finOps.Address(call),
                dataverse.Address(call),
                call.Value(hookBase) ?? call.Client.Runtime,
                call.Value(companies) is { Length: > 0 } codes ? codes : ["dat"]);
            var linked = await call.Client.LinkAsync(body, call.CancellationToken);
            if (call.Json)
            {
                call.WriteJson(linked.Json);
            }
            else
            {
                call.Console.MarkupLineInterpolated($"[green]Linked[/] {body.FinOps.ServiceRoot} with {body.Dataverse.ServiceRoot} for {string.Join(", ", body.Companies)}.");
            }

            return ExitCode.Success;
        }, [.. finOps.Options, .. dataverse.Options, hookBase, companies, Show(terminal), AddCompany(terminal), RemoveCompany(terminal)]);
        return link;
    }

    private static Command Show(Terminal terminal) => RemoteCommand.Create("show", "Show the link: environments, companies, solutions, hooks.", terminal, async call =>
    {
        var connection = await call.Client.GetConnectionAsync(call.CancellationToken);
        if (call.Json)
        {
            call.WriteJson(connection.Json);
        }
        else
        {
            call.Console.Write(JsonFacts.Of(connection.Json));
        }

        return ExitCode.Success;
    });

    private static Command AddCompany(Terminal terminal)
    {
        var code = new Argument<string>("CODE") { Description = "The legal entity's code, such as usmf." };
        var skip = new Option<bool>("--skip-initial-sync") { Description = "Do not copy the company's existing rows for the maps that run." };
        return RemoteCommand.Create("add-company", "Sync one more legal entity; running maps copy its rows unless told not to.", terminal, async call =>
        {
            var added = await call.Client.AddCompanyAsync(new CompanyBody(call.Value(code), call.Value(skip)), call.CancellationToken);
            Say(call, added.Json, $"Company {call.Value(code)} added.");
            return ExitCode.Success;
        }, code, skip);
    }

    private static Command RemoveCompany(Terminal terminal)
    {
        var code = new Argument<string>("CODE") { Description = "The legal entity's code." };
        return RemoteCommand.Create("remove-company", "Stop syncing a legal entity.", terminal, async call =>
        {
            var removed = await call.Client.RemoveCompanyAsync(call.Value(code), call.CancellationToken);
            Say(call, removed.Json, $"Company {call.Value(code)} removed.");
            return ExitCode.Success;
        }, code);
    }

    /// <param name="link">The link after the change, as the runtime answers it.</param>
    private static void Say(RemoteCall call, System.Text.Json.JsonElement link, string done)
    {
        if (call.Json)
        {
            call.WriteJson(link);
        }
        else
        {
            var companies = link.TryGetProperty("companies", out var codes) && codes.ValueKind == System.Text.Json.JsonValueKind.Array
                ? string.Join(", ", codes.EnumerateArray().Select(c => c.ToString()))
                : "-";
            call.Console.MarkupLineInterpolated($"[green]{done}[/] Companies now: {companies}.");
        }
    }
}
