using System.Text;
using DualWrite.Core.Filtering;
using DualWrite.Core.Schema;

namespace DualWrite.Environments.Storage;

/// <summary>
/// Turns a filter tree into a SQL condition. Every value becomes a parameter; only column names taken from
/// the schema are written into the SQL text.
/// </summary>
internal sealed class SqlFilterTranslator(TableSchema table, Func<string, FieldSchema?> resolve, SqlParameters parameters)
{
    public string Translate(FilterExpression expression) => expression switch
    {
        AndExpression a => $"({Translate(a.Left)} AND {Translate(a.Right)})",
        OrExpression o => $"({Translate(o.Left)} OR {Translate(o.Right)})",
        NotExpression n => $"(NOT COALESCE({Translate(n.Operand)}, 0))",
        ComparisonExpression c => Compare(c),
        MatchExpression m => Match(m),
        _ => throw new StorageException(StorageError.Invalid, $"the filter node {expression.GetType().Name} is not supported"),
    };

    private string Compare(ComparisonExpression comparison)
    {
        var field = Resolve(comparison.Field);
        var column = SqlNames.Column(field.Name);
        if (comparison.Value.Kind == LiteralKind.Null)
        {
            return comparison.Operator switch
            {
                ComparisonOperator.Equal => $"{column} IS NULL",
                ComparisonOperator.NotEqual => $"{column} IS NOT NULL",
                _ => throw new StorageException(StorageError.Invalid, $"'{comparison.Field}' can only be compared with null by eq or ne"),
            };
        }

        object? clr;
        try
        {
            clr = LiteralValues.ToClr(field, comparison.Value);
        }
        catch (FilterException e)
        {
            throw new StorageException(StorageError.Invalid, e.Message);
        }

        var value = parameters.Add(SqliteValues.ToComparable(table, field, clr));
        return comparison.Operator switch
        {
            ComparisonOperator.Equal => $"{column} = {value}",

            // OData's ne is true where the field is null; SQL's <> is not, so say so.
            ComparisonOperator.NotEqual => $"{column} IS NOT {value}",
            ComparisonOperator.GreaterThan => $"{column} > {value}",
            ComparisonOperator.GreaterThanOrEqual => $"{column} >= {value}",
            ComparisonOperator.LessThan => $"{column} < {value}",
            _ => $"{column} <= {value}",
        };
    }

    private string Match(MatchExpression match)
    {
        var field = Resolve(match.Field);
        if (field.Type != FieldType.String)
        {
            throw new StorageException(StorageError.Invalid, $"{match.Kind.ToString().ToLowerInvariant()} needs a string field; '{match.Field}' is {field.Type.ToString().ToLowerInvariant()}");
        }

        var pattern = match.Kind switch
        {
            MatchKind.Contains => "%" + EscapeLike(match.Text) + "%",
            MatchKind.StartsWith => EscapeLike(match.Text) + "%",
            MatchKind.EndsWith => "%" + EscapeLike(match.Text),
            _ => WildcardToLike(match.Text),
        };
        return $"{SqlNames.Column(field.Name)} LIKE {parameters.Add(pattern)} ESCAPE '\\'";
    }

    private FieldSchema Resolve(string name) =>
        resolve(name) ?? throw new StorageException(StorageError.Invalid, $"Could not find a property named '{name}' on type '{table.Name}'.");

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    private static string WildcardToLike(string pattern)
    {
        var like = new StringBuilder();
        foreach (var c in pattern)
        {
            like.Append(c switch
            {
                '*' => "%",
                '?' => "_",
                '%' or '_' or '\\' => "\\" + c,
                _ => c.ToString(),
            });
        }

        return like.ToString();
    }
}
