using System.CommandLine;
using System.CommandLine.Parsing;
using DualWrite.Connectors.Dataverse;

namespace DualWrite.Bench.InitialSync;

/// <summary>The options that say how the customers benchmarks fill and sync the two sides, shared by their commands.</summary>
internal sealed class SetupOptions
{
    private readonly Option<int> customers;
    private readonly Option<int> companies = new("--companies") { Description = "Demo companies (usmf, gbsi, dat, in that order) linked and given customers.", DefaultValueFactory = _ => 3 };
    private readonly Option<int> batch = new("--batch") { Description = "Rows per $batch the change writer sends to Dataverse.", DefaultValueFactory = _ => 500 };
    private readonly Option<int> parallel = Positive(new Option<int>("--parallel") { Description = "Batches the change writer keeps in flight.", DefaultValueFactory = _ => 4 });
    private readonly Option<int> pageSize = new("--page-size") { Description = "Rows per page read from each side.", DefaultValueFactory = _ => 5_000 };
    private readonly Option<int> checkpoint = Positive(new Option<int>("--checkpoint") { Description = "Rows settled between checkpoints (each stretch is written, then checkpointed).", DefaultValueFactory = _ => 2_000 });
    private readonly Option<FillMethod> fill = new("--fill") { Description = "How the customers go into F&O: straight into its storage, or through its OData $batch.", DefaultValueFactory = _ => FillMethod.Storage };

    /// <param name="defaultCustomers">Customers added to F&amp;O when <c>--customers</c> is not given.</param>
    public SetupOptions(int defaultCustomers)
    {
        customers = Positive(new Option<int>("--customers") { Description = "Customers (organisations) added to F&O beside its demo data.", DefaultValueFactory = _ => defaultCustomers });
        companies.Validators.Add(r => Range(r, 1, InitialSyncBenchmark.DemoCompanies.Count));
        batch.Validators.Add(r => Range(r, 1, DataverseClient.MaxBatchRequests));
        pageSize.Validators.Add(r => Range(r, 1, DataverseQuery.MaxPageSize));
    }

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[customers, companies, batch, parallel, pageSize, checkpoint, fill])
        {
            command.Options.Add(option);
        }
    }

    public InitialSyncSettings Read(ParseResult parse) => new(
        parse.GetValue(customers),
        parse.GetValue(companies),
        parse.GetValue(batch),
        parse.GetValue(parallel),
        parse.GetValue(pageSize),
        parse.GetValue(checkpoint),
        parse.GetValue(fill));

    public static Option<int> Positive(Option<int> option)
    {
        option.Validators.Add(r => Range(r, 1, int.MaxValue));
        return option;
    }

    public static void Range(OptionResult result, int min, int max)
    {
        var value = result.GetValueOrDefault<int>();
        if (value < min || value > max)
        {
            result.AddError(max == int.MaxValue
                ? $"{result.Option.Name} must be at least {min}; got {value}."
                : $"{result.Option.Name} must be from {min} to {max}; got {value}.");
        }
    }
}
