using System.Globalization;
using DualWrite.Core.Rows;

namespace DualWrite.Runtime.InitialSync;

/// <summary>
/// The order both environments return rows in when asked to sort by key: text ignoring the case of ASCII letters
/// only (as a NOCASE collation does), numbers and dates by value, nulls first. Merging the two sides' streams
/// is only right if this is the order the services used; <see cref="MergeJoin"/> checks it as it goes.
/// </summary>
public sealed class KeyOrder : IComparer<RowKey>
{
    public static readonly KeyOrder Instance = new();

    public int Compare(RowKey? x, RowKey? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        for (var i = 0; i < Math.Min(x.Parts.Count, y.Parts.Count); i++)
        {
            var order = CompareValues(x.Parts[i].Value, y.Parts[i].Value);
            if (order != 0)
            {
                return order;
            }
        }

        return x.Parts.Count.CompareTo(y.Parts.Count);
    }

    public static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string s, string t) => CompareText(s, t),
        (IComparable c, _) when a.GetType() == b.GetType() => c.CompareTo(b),
        _ => string.CompareOrdinal(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture)),
    };

    private static int CompareText(string a, string b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = Fold(a[i]).CompareTo(Fold(b[i]));
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static char Fold(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
}
