using DualWrite.Core.Filtering;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Tests.Filtering;

public class LiteralValuesEnumNumberTests
{
    private static readonly FieldSchema Status = new()
    {
        Name = "statecode",
        Type = FieldType.Enum,
        Enum = new EnumType("State", [new EnumMember("Active", 0), new EnumMember("Inactive", 1)]),
    };

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(1L, 1)]
    [InlineData(int.MaxValue, int.MaxValue)]
    [InlineData(int.MinValue, int.MinValue)]
    public void An_integer_an_enum_can_hold_is_its_value(long literal, int expected)
    {
        Assert.Equal(expected, LiteralValues.ToClr(Status, new FilterLiteral(LiteralKind.Integer, literal)));
    }

    [Theory]
    [InlineData(2_147_483_648L)]
    [InlineData(-2_147_483_649L)]
    [InlineData(long.MaxValue)]
    public void An_integer_no_enum_value_can_hold_is_refused_as_a_mismatch(long literal)
    {
        var error = Assert.Throws<FilterException>(() => LiteralValues.ToClr(Status, new FilterLiteral(LiteralKind.Integer, literal)));

        Assert.Equal($"'statecode' is enum and cannot be compared with the integer {literal}", error.Message);
    }
}
