using System.Globalization;

namespace DualWrite.Core.Maps;

/// <summary>A solution or map version: four whole numbers, <c>1.0.0.5</c>, compared part by part.</summary>
public readonly record struct FourPartVersion(int Major, int Minor, int Build, int Revision) : IComparable<FourPartVersion>
{
    public static FourPartVersion Parse(string text) =>
        TryParse(text, out var version)
            ? version
            : throw new FormatException($"'{text}' is not a four-part version such as 1.0.0.5");

    public static bool TryParse(string? text, out FourPartVersion version)
    {
        version = default;
        var parts = text?.Split('.');
        if (parts is not { Length: 4 })
        {
            return false;
        }

        var numbers = new int[4];
        for (var i = 0; i < 4; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new FourPartVersion(numbers[0], numbers[1], numbers[2], numbers[3]);
        return true;
    }

    public int CompareTo(FourPartVersion other) =>
        (Major, Minor, Build, Revision).CompareTo((other.Major, other.Minor, other.Build, other.Revision));

    public static bool operator <(FourPartVersion left, FourPartVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(FourPartVersion left, FourPartVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(FourPartVersion left, FourPartVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FourPartVersion left, FourPartVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Build}.{Revision}");
}
