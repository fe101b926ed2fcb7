using System.CommandLine;

namespace DualWrite.Cli.Commands.Monitoring;

/// <summary>
/// <c>--type</c>, repeatable: error types as the error log and alert rules know them, taken in any case, since
/// people write <c>application</c> as often as the API's <c>Application</c>.
/// </summary>
internal static class ErrorTypeOption
{
    private static readonly string[] Names = ["Application", "System", "Concurrency"];

    public static Option<string[]> Create(string description)
    {
        var option = new Option<string[]>("--type") { Description = description, AllowMultipleArgumentsPerToken = true };
        option.CompletionSources.Add([.. Names.Select(n => n.ToLowerInvariant())]);
        option.Validators.Add(result =>
        {
            foreach (var type in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (Find(type) is null)
                {
                    result.AddError($"--type takes application, system or concurrency, not '{type}'.");
                }
            }
        });
        return option;
    }

    /// <returns>The types as the API names them, each once.</returns>
    public static IReadOnlyList<string> ApiNames(IEnumerable<string>? types) => [.. (types ?? []).Select(t => Find(t)!).Distinct(StringComparer.Ordinal)];

    private static string? Find(string type) => Names.FirstOrDefault(n => string.Equals(n, type, StringComparison.OrdinalIgnoreCase));
}
