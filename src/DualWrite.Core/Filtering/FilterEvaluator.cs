using DualWrite.Core.Rows;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Filtering;

/// <summary>
/// Runs a filter from either grammar against rows of a table. Strings compare ignoring case, as both
/// environments do; a field the row lacks counts as null; a null value equals only null, so <c>ne</c> is true
/// for it and every other comparison and text match false.
/// </summary>
public static class FilterEvaluator
{
    /// <summary>How deeply filter nodes may nest once runs of <c>and</c> or <c>or</c> are flattened.</summary>
    public const int MaxDepth = 1000;

    /// <summary>Whether the row passes the filter.</summary>
    /// <param name="resolve">Maps a field name in the filter to the table's field; by default the table's own, ignoring case.</param>
    /// <exception cref="FilterException">The filter names an unknown field or compares a field with a literal of the wrong type.</exception>
    public static bool Matches(FilterExpression filter, Row row, TableSchema table, Func<string, FieldSchema?>? resolve = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Compile(filter, table, resolve)(row);
    }

    /// <summary>
    /// The filter checked once against the table and turned into a predicate, for running over many rows
    /// without resolving fields and converting literals for each.
    /// </summary>
    /// <exception cref="FilterException">The filter does not apply to the table; the message lists every problem.</exception>
    public static Func<Row, bool> Compile(FilterExpression filter, TableSchema table, Func<string, FieldSchema?>? resolve = null)
    {
        var problems = new List<string>();
        var predicate = Build(filter, table, resolve, problems);
        return problems.Count == 0 ? predicate : throw new FilterException(string.Join("; ", problems));
    }

    /// <summary>Every reason the filter cannot apply to the table (unknown fields, literals of the wrong type); empty when it can.</summary>
    public static IReadOnlyList<string> Validate(FilterExpression filter, TableSchema table, Func<string, FieldSchema?>? resolve = null)
    {
        var problems = new List<string>();
        Build(filter, table, resolve, problems);
        return problems;
    }

    private static Func<Row, bool> Build(FilterExpression filter, TableSchema table, Func<string, FieldSchema?>? resolve, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(table);
        return new Compiler(table, resolve ?? table.FindField, problems).Build(filter, 0);
    }

    private sealed class Compiler(TableSchema table, Func<string, FieldSchema?> resolve, List<string> problems)
    {
        private static readonly Func<Row, bool> Never = _ => false;

        public Func<Row, bool> Build(FilterExpression expression, int depth)
        {
            if (depth > MaxDepth)
            {
                Report($"the filter nests more than {MaxDepth} levels deep");
                return Never;
            }

            switch (expression)
            {
                case AndExpression or OrExpression:
                    return BuildChain(expression, depth);
                case NotExpression not:
                    var operand = Build(not.Operand, depth + 1);
                    return row => !operand(row);
                case ComparisonExpression comparison:
                    return BuildComparison(comparison);
                case MatchExpression match:
                    return BuildMatch(match);
                default:
                    Report($"the filter node {expression.GetType().Name} is not supported");
                    return Never;
            }
        }

        /// <summary>
        /// A run of <c>and</c> (or of <c>or</c>) as one node: parsers build such runs as left-leaning trees as
        /// long as the filter, and recursing down one would let a long flat filter exhaust the stack.
        /// </summary>
        private Func<Row, bool> BuildChain(FilterExpression chain, int depth)
        {
            var isAnd = chain is AndExpression;
            var operands = new List<FilterExpression>();
            var pending = new Stack<FilterExpression>();
            pending.Push(chain);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case AndExpression a when isAnd:
                        pending.Push(a.Right);
                        pending.Push(a.Left);
                        break;
                    case OrExpression o when !isAnd:
                        pending.Push(o.Right);
                        pending.Push(o.Left);
                        break;
                    case var operand:
                        operands.Add(operand);
                        break;
                }
            }

            var parts = operands.Select(o => Build(o, depth + 1)).ToArray();
            return isAnd
                ? row => Array.TrueForAll(parts, p => p(row))
                : row => Array.Exists(parts, p => p(row));
        }

        private Func<Row, bool> BuildComparison(ComparisonExpression comparison)
        {
            if (Resolve(comparison.Field) is not { } field)
            {
                return Never;
            }

            var op = comparison.Operator;
            if (comparison.Value.Kind == LiteralKind.Null)
            {
                switch (op)
                {
                    case ComparisonOperator.Equal:
                        return row => Value(row, field) is null;
                    case ComparisonOperator.NotEqual:
                        return row => Value(row, field) is not null;
                    default:
                        Report($"'{field.Name}' can only be tested for null with equal or not equal");
                        return Never;
                }
            }

            object literal;
            try
            {
                literal = ComparableValues.Canonical(field, LiteralValues.ToClr(field, comparison.Value)!);
            }
            catch (FilterException e)
            {
                Report(e.Message);
                return Never;
            }

            Func<int, bool> holds = op switch
            {
                ComparisonOperator.Equal => c => c == 0,
                ComparisonOperator.NotEqual => c => c != 0,
                ComparisonOperator.GreaterThan => c => c > 0,
                ComparisonOperator.GreaterThanOrEqual => c => c >= 0,
                ComparisonOperator.LessThan => c => c < 0,
                _ => c => c <= 0,
            };
            return row => Value(row, field) is { } value
                ? holds(ComparableValues.Compare(value, literal))
                : op == ComparisonOperator.NotEqual;
        }

        private Func<Row, bool> BuildMatch(MatchExpression match)
        {
            if (Resolve(match.Field) is not { } field)
            {
                return Never;
            }

            if (field.Type != FieldType.String)
            {
                var name = match.Kind == MatchKind.Wildcard ? "like" : match.Kind.ToString().ToLowerInvariant();
                Report($"{name} needs a string field; '{field.Name}' is {field.Type.ToString().ToLowerInvariant()}");
                return Never;
            }

            var text = match.Text;
            Func<string, bool> test = match.Kind switch
            {
                MatchKind.Contains => s => s.Contains(text, StringComparison.OrdinalIgnoreCase),
                MatchKind.StartsWith => s => s.StartsWith(text, StringComparison.OrdinalIgnoreCase),
                MatchKind.EndsWith => s => s.EndsWith(text, StringComparison.OrdinalIgnoreCase),
                _ => new WildcardPattern(text).IsMatch,
            };
            return row => Value(row, field) is string value && test(value);
        }

        private FieldSchema? Resolve(string name)
        {
            var field = resolve(name);
            if (field is null)
            {
                Report($"'{name}' is not a field of '{table.Name}'");
            }

            return field;
        }

        private static object? Value(Row row, FieldSchema field) =>
            row.GetValueOrDefault(field.Name) is { } value ? ComparableValues.Canonical(field, value) : null;

        private void Report(string problem)
        {
            if (!problems.Contains(problem))
            {
                problems.Add(problem);
            }
        }
    }
}
