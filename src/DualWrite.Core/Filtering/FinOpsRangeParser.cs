using System.Globalization;
using System.Text;

namespace DualWrite.Core.Filtering;

/// <summary>
/// Parses an F&amp;O query range expression, as written in a dual-write source filter:
/// <c>== != &lt; &lt;= &gt; &gt;= &amp;&amp; || ! ( )</c>, <c>like</c> with <c>*</c> and <c>?</c>, and
/// double-quoted string, number, <c>true</c>/<c>false</c>, <c>Enum::Member</c> and <c>dd\MM\yyyy</c> date literals.
/// </summary>
public static class FinOpsRangeParser
{
    /// <summary>How deeply parentheses and <c>!</c> may nest; deeper ranges are refused rather than exhausting the stack.</summary>
    public const int MaxNesting = ODataFilterParser.MaxNesting;

    private const string DateFormat = @"dd\MM\yyyy";

    private static readonly Dictionary<string, ComparisonOperator> Operators = new(StringComparer.Ordinal)
    {
        ["=="] = ComparisonOperator.Equal,
        ["!="] = ComparisonOperator.NotEqual,
        [">"] = ComparisonOperator.GreaterThan,
        [">="] = ComparisonOperator.GreaterThanOrEqual,
        ["<"] = ComparisonOperator.LessThan,
        ["<="] = ComparisonOperator.LessThanOrEqual,
    };

    /// <exception cref="FilterParseException">The range does not parse; the exception says where and what was expected.</exception>
    public static FilterExpression Parse(string range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var tokens = new Lexer(range);
        var expression = ParseOr(tokens, 0);
        if (tokens.Current.Kind != TokenKind.End)
        {
            throw tokens.Error(tokens.Current.Kind == TokenKind.Close
                ? "'&&', '||' or the end of the range (this ')' has no matching '(')"
                : "'&&', '||' or the end of the range");
        }

        return expression;
    }

    private static FilterExpression ParseOr(Lexer tokens, int depth)
    {
        var left = ParseAnd(tokens, depth);
        while (tokens.TakeSymbol("||"))
        {
            left = new OrExpression(left, ParseAnd(tokens, depth));
        }

        return left;
    }

    private static FilterExpression ParseAnd(Lexer tokens, int depth)
    {
        var left = ParseUnary(tokens, depth);
        while (tokens.TakeSymbol("&&"))
        {
            left = new AndExpression(left, ParseUnary(tokens, depth));
        }

        return left;
    }

    private static FilterExpression ParseUnary(Lexer tokens, int depth)
    {
        var current = tokens.Current;
        var opens = current.Kind == TokenKind.Open || current is { Kind: TokenKind.Symbol, Text: "!" };
        if (opens && depth >= MaxNesting)
        {
            throw tokens.Error($"at most {MaxNesting} levels of parentheses and '!'");
        }

        if (tokens.TakeSymbol("!"))
        {
            // '!' binds tighter than a comparison, so "!a == 1" would negate the field itself, which no
            // filter can mean; only a parenthesised condition (or another '!') is accepted after it.
            if (tokens.Current.Kind != TokenKind.Open && tokens.Current is not { Kind: TokenKind.Symbol, Text: "!" })
            {
                throw tokens.Error("'(' after '!' (it negates a parenthesised condition)");
            }

            return new NotExpression(ParseUnary(tokens, depth + 1));
        }

        if (tokens.Take(TokenKind.Open))
        {
            var inner = ParseOr(tokens, depth + 1);
            if (tokens.Current.Kind != TokenKind.Close)
            {
                throw tokens.Error(tokens.Current.Kind == TokenKind.End ? "')' to close the parenthesis" : "'&&', '||' or ')'");
            }

            tokens.Advance();
            return inner;
        }

        return ParseComparison(tokens);
    }

    private static FilterExpression ParseComparison(Lexer tokens)
    {
        var leftStart = tokens.Current.Position;
        var left = ParseOperand(tokens, "a condition: a field name, a literal, '(' or '!'");
        var opToken = tokens.Current;
        if (opToken.Kind == TokenKind.Like)
        {
            if (left is not string field)
            {
                throw new FilterParseException(tokens.Filter, leftStart, "a field name on the left of 'like'");
            }

            tokens.Advance();
            var pattern = tokens.Current;
            if (pattern.Kind != TokenKind.Literal || pattern.Literal!.Kind != LiteralKind.String)
            {
                throw tokens.Error("a double-quoted pattern after 'like'");
            }

            tokens.Advance();
            return new MatchExpression(field, MatchKind.Wildcard, (string)pattern.Literal.Value!);
        }

        if (opToken.Kind != TokenKind.Symbol || !Operators.TryGetValue(opToken.Text, out var op))
        {
            throw tokens.Error("a comparison operator (==, !=, <, <=, >, >=) or 'like'");
        }

        tokens.Advance();
        var rightStart = tokens.Current.Position;
        var right = ParseOperand(tokens, "a field name or a literal value");
        return (left, right) switch
        {
            (string field, FilterLiteral literal) => new ComparisonExpression(field, op, literal),
            (FilterLiteral literal, string field) => ComparisonExpression.Mirrored(field, op, literal),
            (string, string) => throw new FilterParseException(tokens.Filter, rightStart, "a literal value (comparing two fields is not supported)"),
            _ => throw new FilterParseException(tokens.Filter, rightStart, "a field name on one side of the comparison"),
        };
    }

    /// <returns>The field name (string) or a <see cref="FilterLiteral"/>.</returns>
    private static object ParseOperand(Lexer tokens, string expected)
    {
        var token = tokens.Current;
        switch (token.Kind)
        {
            case TokenKind.Literal:
                tokens.Advance();
                return token.Literal!;
            case TokenKind.Name:
                tokens.Advance();
                return token.Text;
            default:
                throw tokens.Error(expected);
        }
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private enum TokenKind
    {
        Name,
        Literal,
        Like,
        Symbol,
        Open,
        Close,
        End,
    }

    private sealed record Token(TokenKind Kind, string Text, int Position, FilterLiteral? Literal = null);

    /// <summary>
    /// Reads one token at a time, as the parser asks, so that of several mistakes the first in the text is the
    /// one reported.
    /// </summary>
    private sealed class Lexer
    {
        private readonly string filter;
        private int next;

        public Lexer(string filter)
        {
            this.filter = filter;
            Current = Read();
        }

        public string Filter => filter;

        public Token Current { get; private set; }

        public void Advance()
        {
            if (Current.Kind != TokenKind.End)
            {
                Current = Read();
            }
        }

        public bool Take(TokenKind kind)
        {
            if (Current.Kind != kind)
            {
                return false;
            }

            Advance();
            return true;
        }

        public bool TakeSymbol(string symbol)
        {
            if (Current.Kind != TokenKind.Symbol || Current.Text != symbol)
            {
                return false;
            }

            Advance();
            return true;
        }

        public FilterParseException Error(string expected) => new(filter, Current.Position, expected);

        private FilterParseException ErrorAt(int position, string expected) => new(filter, position, expected);

        private Token Read()
        {
            while (next < filter.Length && char.IsWhiteSpace(filter[next]))
            {
                next++;
            }

            var start = next;
            if (start >= filter.Length)
            {
                return new Token(TokenKind.End, string.Empty, start);
            }

            var c = filter[start];
            var following = start + 1 < filter.Length ? filter[start + 1] : '\0';
            switch (c)
            {
                case '(':
                    next++;
                    return new Token(TokenKind.Open, "(", start);
                case ')':
                    next++;
                    return new Token(TokenKind.Close, ")", start);
                case '"':
                    return ReadString();
                case '=' when following == '=':
                case '!' when following == '=':
                case '<' when following == '=':
                case '>' when following == '=':
                case '&' when following == '&':
                case '|' when following == '|':
                    next += 2;
                    return new Token(TokenKind.Symbol, filter.Substring(start, 2), start);
                case '<' when following == '>':
                    throw ErrorAt(start, "'!=' ('<>' is not an operator in a query range)");
                case '!' or '<' or '>':
                    next++;
                    return new Token(TokenKind.Symbol, c.ToString(), start);
                case '=':
                    throw ErrorAt(start, "'==' ('=' alone is not an operator in a query range)");
                case '&':
                    throw ErrorAt(start, "'&&'");
                case '|':
                    throw ErrorAt(start, "'||'");
                case '\'':
                    throw ErrorAt(start, "a double-quoted string (single quotes do not delimit strings in a query range)");
            }

            if (char.IsAsciiDigit(c) || (c == '-' && char.IsAsciiDigit(following)))
            {
                return ReadNumberOrDate();
            }

            if (IsNameStart(c))
            {
                return ReadName();
            }

            throw ErrorAt(start, "a field name, a literal, an operator or a parenthesis");
        }

        private Token ReadString()
        {
            var start = next;
            next++;
            var text = new StringBuilder();
            while (true)
            {
                if (next >= filter.Length)
                {
                    throw ErrorAt(start, "a closing quote for the string that starts here");
                }

                var c = filter[next];
                if (c == '"')
                {
                    next++;
                    var value = text.ToString();
                    return new Token(TokenKind.Literal, value, start, new FilterLiteral(LiteralKind.String, value));
                }

                // Only the two escapes a range needs are read as escapes; any other backslash is kept as
                // written, so text such as a Windows path survives.
                if (c == '\\' && next + 1 < filter.Length && filter[next + 1] is '"' or '\\')
                {
                    text.Append(filter[next + 1]);
                    next += 2;
                    continue;
                }

                text.Append(c);
                next++;
            }
        }

        private Token ReadNumberOrDate()
        {
            var start = next;
            var digitsStart = filter[next] == '-' ? next + 1 : next;
            var end = SkipDigits(digitsStart);
            if (end < filter.Length && filter[end] == '\\')
            {
                return ReadDate(start);
            }

            var isDecimal = false;
            if (end < filter.Length && filter[end] == '.' && end + 1 < filter.Length && char.IsAsciiDigit(filter[end + 1]))
            {
                isDecimal = true;
                end = SkipDigits(end + 1);
            }

            if (end < filter.Length && (IsNamePart(filter[end]) || filter[end] == '.'))
            {
                throw ErrorAt(start, "a number (digits with an optional fraction, such as -12 or 3.5)");
            }

            next = end;
            var text = filter[start..end];
            if (!isDecimal && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return new Token(TokenKind.Literal, text, start, new FilterLiteral(LiteralKind.Integer, integer));
            }

            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? new Token(TokenKind.Literal, text, start, new FilterLiteral(LiteralKind.Decimal, number))
                : throw ErrorAt(start, "a number in range");
        }

        private Token ReadDate(int start)
        {
            var end = start;
            while (end < filter.Length && (char.IsAsciiDigit(filter[end]) || filter[end] == '\\'))
            {
                end++;
            }

            var text = filter[start..end];
            var parts = text.Split('\\');
            var wellFormed = parts is [{ Length: 1 or 2 }, { Length: 1 or 2 }, { Length: 4 }]
                && (end >= filter.Length || !(IsNamePart(filter[end]) || filter[end] == '.'));
            if (!wellFormed)
            {
                throw ErrorAt(start, $"a date as {DateFormat}");
            }

            var day = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var month = int.Parse(parts[1], CultureInfo.InvariantCulture);
            var year = int.Parse(parts[2], CultureInfo.InvariantCulture);
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                throw ErrorAt(start, $"a valid date as {DateFormat}");
            }

            next = end;
            return new Token(TokenKind.Literal, text, start, new FilterLiteral(LiteralKind.Date, new DateOnly(year, month, day)));
        }

        private Token ReadName()
        {
            var start = next;
            var end = SkipName(start);
            var word = filter[start..end];
            if (end + 1 < filter.Length && filter[end] == ':' && filter[end + 1] == ':')
            {
                var memberStart = end + 2;
                if (memberStart >= filter.Length || !IsNameStart(filter[memberStart]))
                {
                    throw ErrorAt(memberStart, $"a member name after '{word}::'");
                }

                next = SkipName(memberStart);
                return new Token(TokenKind.Literal, filter[start..next], start, new FilterLiteral(LiteralKind.Enum, filter[memberStart..next], word));
            }

            next = end;

            // Keywords are matched in any case, as X++ matches them.
            if (word.Equals("like", StringComparison.OrdinalIgnoreCase))
            {
                return new Token(TokenKind.Like, word, start);
            }

            var isTrue = word.Equals("true", StringComparison.OrdinalIgnoreCase);
            if (isTrue || word.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return new Token(TokenKind.Literal, word, start, new FilterLiteral(LiteralKind.Boolean, isTrue));
            }

            return new Token(TokenKind.Name, word, start);
        }

        private int SkipDigits(int i)
        {
            while (i < filter.Length && char.IsAsciiDigit(filter[i]))
            {
                i++;
            }

            return i;
        }

        private int SkipName(int i)
        {
            while (i < filter.Length && IsNamePart(filter[i]))
            {
                i++;
            }

            return i;
        }
    }
}
