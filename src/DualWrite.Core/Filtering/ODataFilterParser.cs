using System.Globalization;
using System.Text.RegularExpressions;

namespace DualWrite.Core.Filtering;

/// <summary>
/// Parses an OData <c>$filter</c>: <c>eq ne gt ge lt le and or not ( )</c>, <c>contains startswith endswith</c>,
/// and string, number, boolean, null, GUID, date, date-time and enum literals.
/// </summary>
public static partial class ODataFilterParser
{
    /// <summary>How deeply parentheses and <c>not</c> may nest; deeper filters are refused rather than exhausting the stack.</summary>
    public const int MaxNesting = 100;

    private static readonly Dictionary<string, ComparisonOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = ComparisonOperator.Equal,
        ["ne"] = ComparisonOperator.NotEqual,
        ["gt"] = ComparisonOperator.GreaterThan,
        ["ge"] = ComparisonOperator.GreaterThanOrEqual,
        ["lt"] = ComparisonOperator.LessThan,
        ["le"] = ComparisonOperator.LessThanOrEqual,
    };

    private static readonly Dictionary<string, MatchKind> Functions = new(StringComparer.Ordinal)
    {
        ["contains"] = MatchKind.Contains,
        ["startswith"] = MatchKind.StartsWith,
        ["endswith"] = MatchKind.EndsWith,
    };

    public static FilterExpression Parse(string filter)
    {
        var tokens = new Tokens(filter, Tokenize(filter));
        var expression = ParseOr(tokens, 0);
        if (tokens.Current.Kind != TokenKind.End)
        {
            throw tokens.Error("'and', 'or' or the end of the filter");
        }

        return expression;
    }

    private static FilterExpression ParseOr(Tokens tokens, int depth)
    {
        var left = ParseAnd(tokens, depth);
        while (tokens.TakeWord("or"))
        {
            left = new OrExpression(left, ParseAnd(tokens, depth));
        }

        return left;
    }

    private static FilterExpression ParseAnd(Tokens tokens, int depth)
    {
        var left = ParseUnary(tokens, depth);
        while (tokens.TakeWord("and"))
        {
            left = new AndExpression(left, ParseUnary(tokens, depth));
        }

        return left;
    }

    private static FilterExpression ParseUnary(Tokens tokens, int depth)
    {
        if (depth >= MaxNesting && (tokens.Current.Kind == TokenKind.Open || tokens.Current is { Kind: TokenKind.Word, Text: "not" }))
        {
            throw tokens.Error($"at most {MaxNesting} levels of parentheses and 'not'");
        }

        if (tokens.TakeWord("not"))
        {
            return new NotExpression(ParseUnary(tokens, depth + 1));
        }

        if (tokens.Take(TokenKind.Open))
        {
            var inner = ParseOr(tokens, depth + 1);
            tokens.Expect(TokenKind.Close, "')'");
            return inner;
        }

        var first = tokens.Current;
        if (first.Kind == TokenKind.Word && Functions.TryGetValue(first.Text, out var match) && tokens.Peek.Kind == TokenKind.Open)
        {
            tokens.Advance();
            tokens.Advance();
            var field = tokens.Expect(TokenKind.Word, "a field name").Text;
            tokens.Expect(TokenKind.Comma, "','");
            var text = tokens.Expect(TokenKind.String, "a quoted string");
            tokens.Expect(TokenKind.Close, "')'");
            return new MatchExpression(field, match, (string)text.Literal!.Value!);
        }

        return ParseComparison(tokens);
    }

    private static ComparisonExpression ParseComparison(Tokens tokens)
    {
        var left = ParseOperand(tokens);
        var opToken = tokens.Current;
        if (opToken.Kind != TokenKind.Word || !Operators.TryGetValue(opToken.Text, out var op))
        {
            throw tokens.Error("a comparison operator (eq, ne, gt, ge, lt, le)");
        }

        tokens.Advance();
        var rightStart = tokens.Current.Position;
        var right = ParseOperand(tokens);
        return (left, right) switch
        {
            (string field, FilterLiteral literal) => new ComparisonExpression(field, op, literal),
            (FilterLiteral literal, string field) => ComparisonExpression.Mirrored(field, op, literal),
            (string, string) => throw new FilterParseException(tokens.Filter, rightStart, "a literal value (comparing two fields is not supported)"),
            _ => throw new FilterParseException(tokens.Filter, rightStart, "a field name on one side of the comparison"),
        };
    }

    /// <returns>The field name (string) or a <see cref="FilterLiteral"/>.</returns>
    private static object ParseOperand(Tokens tokens)
    {
        var token = tokens.Current;
        switch (token.Kind)
        {
            case TokenKind.Literal or TokenKind.String:
                tokens.Advance();
                return token.Literal!;
            case TokenKind.Word when token.Text is "null":
                tokens.Advance();
                return FilterLiteral.Null;
            case TokenKind.Word when token.Text is "true" or "false":
                tokens.Advance();
                return new FilterLiteral(LiteralKind.Boolean, token.Text == "true");
            case TokenKind.Word when !Operators.ContainsKey(token.Text) && token.Text is not ("and" or "or" or "not"):
                tokens.Advance();
                return token.Text;
            default:
                throw tokens.Error("a field name or a literal value");
        }
    }

    private static List<Token> Tokenize(string filter)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < filter.Length && char.IsWhiteSpace(filter[i]))
            {
                i++;
            }

            if (i >= filter.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, i));
                return tokens;
            }

            var c = filter[i];
            var start = i;
            Match m;
            if (c is '(' or ')' or ',')
            {
                tokens.Add(new Token(c switch { '(' => TokenKind.Open, ')' => TokenKind.Close, _ => TokenKind.Comma }, c.ToString(), i++));
            }
            else if (c == '\'')
            {
                var text = ReadQuoted(filter, ref i);
                tokens.Add(new Token(TokenKind.String, text, start, new FilterLiteral(LiteralKind.String, text)));
            }
            else if ((m = GuidPattern().Match(filter, i)).Success)
            {
                i += m.Length;
                tokens.Add(new Token(TokenKind.Literal, m.Value, start, new FilterLiteral(LiteralKind.Guid, Guid.Parse(m.Value))));
            }
            else if ((m = DateTimePattern().Match(filter, i)).Success)
            {
                i += m.Length;
                if (!DateTimeOffset.TryParse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt))
                {
                    throw new FilterParseException(filter, start, "a valid date and time");
                }

                tokens.Add(new Token(TokenKind.Literal, m.Value, start, new FilterLiteral(LiteralKind.DateTime, dt.ToUniversalTime())));
            }
            else if ((m = DatePattern().Match(filter, i)).Success)
            {
                i += m.Length;
                if (!DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new FilterParseException(filter, start, "a valid date");
                }

                tokens.Add(new Token(TokenKind.Literal, m.Value, start, new FilterLiteral(LiteralKind.Date, date)));
            }
            else if ((m = NumberPattern().Match(filter, i)).Success)
            {
                i += m.Length;
                tokens.Add(new Token(TokenKind.Literal, m.Value, start, ParseNumber(filter, m, start)));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < filter.Length && (char.IsLetterOrDigit(filter[i]) || filter[i] is '_' or '.' or '/'))
                {
                    i++;
                }

                var word = filter[start..i];
                if (i < filter.Length && filter[i] == '\'')
                {
                    var member = ReadQuoted(filter, ref i);
                    var type = word.Contains('.', StringComparison.Ordinal) ? word[(word.LastIndexOf('.') + 1)..] : word;
                    tokens.Add(new Token(TokenKind.Literal, word, start, new FilterLiteral(LiteralKind.Enum, member, type)));
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Word, word, start));
                }
            }
            else
            {
                throw new FilterParseException(filter, i, "a field name, a literal, an operator or a parenthesis");
            }
        }
    }

    private static FilterLiteral ParseNumber(string filter, Match m, int start)
    {
        var text = m.Groups["n"].Value;
        var suffix = m.Groups["s"].Value;
        var isDecimal = text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.OrdinalIgnoreCase)
            || suffix is "m" or "M" or "d" or "D" or "f" or "F";
        if (!isDecimal && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new FilterLiteral(LiteralKind.Integer, integer);
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new FilterLiteral(LiteralKind.Decimal, number)
            : throw new FilterParseException(filter, start, "a number in range");
    }

    private static string ReadQuoted(string filter, ref int i)
    {
        var start = i;
        i++;
        var text = new System.Text.StringBuilder();
        while (true)
        {
            if (i >= filter.Length)
            {
                throw new FilterParseException(filter, start, "a closing quote for the string that starts here");
            }

            if (filter[i] == '\'')
            {
                if (i + 1 < filter.Length && filter[i + 1] == '\'')
                {
                    text.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                return text.ToString();
            }

            text.Append(filter[i++]);
        }
    }

    [GeneratedRegex(@"\G[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"\G\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?(?![\w:.])")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"\G\d{4}-\d{2}-\d{2}(?![\w:.-])")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\G(?<n>-?\d+(\.\d+)?([eE][+-]?\d+)?)(?<s>[mMdDlLfF]?)(?![\w.])")]
    private static partial Regex NumberPattern();

    private enum TokenKind
    {
        Word,
        String,
        Literal,
        Open,
        Close,
        Comma,
        End,
    }

    private sealed record Token(TokenKind Kind, string Text, int Position, FilterLiteral? Literal = null);

    private sealed class Tokens(string filter, List<Token> tokens)
    {
        private int index;

        public string Filter => filter;

        public Token Current => tokens[index];

        public Token Peek => tokens[Math.Min(index + 1, tokens.Count - 1)];

        public void Advance() => index = Math.Min(index + 1, tokens.Count - 1);

        public bool Take(TokenKind kind)
        {
            if (Current.Kind != kind)
            {
                return false;
            }

            Advance();
            return true;
        }

        public bool TakeWord(string word)
        {
            if (Current.Kind != TokenKind.Word || Current.Text != word)
            {
                return false;
            }

            Advance();
            return true;
        }

        public Token Expect(TokenKind kind, string expected)
        {
            var token = Current;
            if (token.Kind != kind)
            {
                throw Error(expected);
            }

            Advance();
            return token;
        }

        public FilterParseException Error(string expected) => new(filter, Current.Position, expected);
    }
}
