using DualWrite.Core.Rows;
using DualWrite.Core.Schema;

namespace DualWrite.Environments.Dataverse;

/// <summary>
/// Columns the platform composes from others, read-only to callers: a contact's <c>fullname</c> is its first
/// and last name, as the default full-name format ("First Name Last Name") writes it.
/// </summary>
internal static class ComposedColumns
{
    private const string FullName = "fullname";
    private const string FirstName = "firstname";
    private const string LastName = "lastname";

    /// <summary>The composed values a write brings, or null when it changes none of their sources.</summary>
    /// <param name="table">The table written.</param>
    /// <param name="changes">The columns the caller sets.</param>
    /// <param name="existing">The row before the write, or null for a create.</param>
    public static Row? For(TableSchema table, Row changes, Row? existing)
    {
        if (!string.Equals(table.Name, "contact", StringComparison.OrdinalIgnoreCase)
            || table.FindField(FullName) is null
            || (existing is not null && !changes.Contains(FirstName) && !changes.Contains(LastName)))
        {
            return null;
        }

        string? Value(string name) => (changes.TryGetValue(name, out var value) ? value : existing?.GetValueOrDefault(name)) as string;

        var full = string.Join(" ", new[] { Value(FirstName), Value(LastName) }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        return new Row { [FullName] = full.Length == 0 ? null : full };
    }

    /// <summary>What the caller set and what the platform composed, as the Target of an execution context sees it.</summary>
    public static Row With(Row changes, Row? composed) => composed is null ? changes : new Row(changes.Concat(composed));
}
