using System.CommandLine;

namespace DualWrite.Cli.Commands.Calls;

/// <summary><c>--limit</c>: how many entries of a paged list to ask for, within the API's bound of 1,000.</summary>
internal static class LimitOption
{
    public static Option<int> Create(string what)
    {
        var limit = new Option<int>("--limit") { Description = $"At most this many {what} (up to 1,000).", DefaultValueFactory = _ => 100 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                result.AddError("--limit takes a number from 1 to 1,000.");
            }
        });
        return limit;
    }
}
