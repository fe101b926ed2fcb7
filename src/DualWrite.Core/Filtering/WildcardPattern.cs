using System.Text;

namespace DualWrite.Core.Filtering;

/// <summary>
/// An F&amp;O <c>like</c> pattern: <c>*</c> matches any run of characters, <c>?</c> exactly one, and every other
/// character only itself, ignoring case. Matched directly rather than through a regular expression, so no
/// character of the pattern has a second meaning and no pattern can take more than quadratic time.
/// </summary>
internal sealed class WildcardPattern
{
    private static readonly Rune AnyRun = new('*');
    private static readonly Rune AnyOne = new('?');

    private readonly Rune[] pattern;

    public WildcardPattern(string pattern) => this.pattern = Fold(pattern);

    public bool IsMatch(string text)
    {
        var input = Fold(text);
        var p = 0;
        var i = 0;

        // Where the last '*' was, and where in the input it would next try to end; a mismatch after a '*'
        // lets that '*' swallow one more character, which is all the backtracking '*' and '?' ever need.
        var star = -1;
        var resume = 0;
        while (i < input.Length)
        {
            if (p < pattern.Length && pattern[p] == AnyRun)
            {
                star = p++;
                resume = i;
            }
            else if (p < pattern.Length && (pattern[p] == AnyOne || pattern[p] == input[i]))
            {
                p++;
                i++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                i = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == AnyRun)
        {
            p++;
        }

        return p == pattern.Length;
    }

    // Whole code points, so that '?' matches a character outside the Basic Multilingual Plane as one character.
    private static Rune[] Fold(string text) => text.EnumerateRunes().Select(Rune.ToUpperInvariant).ToArray();
}
