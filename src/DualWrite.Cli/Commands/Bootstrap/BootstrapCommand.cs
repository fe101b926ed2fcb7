using System.CommandLine;
using DualWrite.Cli.Commands.Calls;
using DualWrite.Cli.Remote.Shapes;

namespace DualWrite.Cli.Commands.Bootstrap;

/// <summary>
/// <c>dualwrite bootstrap company</c> and <c>dualwrite bootstrap file</c>: start the bootstrap on the runtime and
/// follow its job to the end with a progress bar, then its counts; the failed rows go to a CSV file.
/// </summary>
internal static class BootstrapCommand
{
    public static Command Create(Terminal terminal)
    {
        var company = new Option<string>("--company") { Description = "The linked company to give the rows (any case).", Required = true };
        var table = new Option<string>("--table") { Description = "The Dataverse table: account or accounts.", Required = true };
        var filter = new Option<string>("--filter") { Description = "An OData $filter the rows must also match, such as \"startswith(name,'A')\"." };
        var companyCommand = RemoteCommand.Create("company", "Give the rows of a Dataverse table that have no company a linked company; rows that have one are never changed. Exit 1 when rows failed.", terminal, async call =>
        {
            var started = await call.Client.StartCompanyBootstrapAsync(new CompanyBootstrapBody(call.Value(company)!, call.Value(table)!, call.Value(filter)), call.CancellationToken);
            return await BootstrapFollow.RunAsync(call, started.Value, errorFile: null);
        }, company, table, filter);

        var map = new Option<string>("--map") { Description = "The map the file goes through, such as \"Customers V3 (accounts)\".", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "The data-management export (CSV) of the map's F&O entity.", Required = true };
        var to = new Option<string>("--to") { Description = "Where the rows go; a file of F&O rows goes to Dataverse.", DefaultValueFactory = _ => "dataverse" };
        to.AcceptOnlyFromAmong("dataverse");
        var errors = new Option<FileInfo>("--errors") { Description = "Where the failed rows are written (line,key,reason); beside the file as NAME.errors.csv by default." };
        var fileCommand = RemoteCommand.Create("file", "Load a data-management export into Dataverse through a map, upserting by company and key. Exit 1 when rows failed.", terminal, async call =>
        {
            var export = call.Value(file)!;
            if (!export.Exists)
            {
                throw new UsageException($"{export.FullName}: no such file.");
            }

            var errorFile = call.Value(errors)?.FullName ?? Path.Combine(export.DirectoryName!, Path.GetFileNameWithoutExtension(export.Name) + ".errors.csv");
            var started = await call.Client.StartFileBootstrapAsync(call.Value(map)!, export.FullName, call.CancellationToken);
            return await BootstrapFollow.RunAsync(call, started.Value, errorFile);
        }, map, file, to, errors);

        return new Command("bootstrap", "Bring existing data into dual-write: stamp Dataverse rows with a company, or load an F&O export.") { companyCommand, fileCommand };
    }
}
