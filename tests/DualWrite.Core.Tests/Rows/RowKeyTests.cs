using DualWrite.Core.Rows;

namespace DualWrite.Core.Tests.Rows;

public class RowKeyTests
{
    private static readonly Guid CompanyId = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");

    [Fact]
    public void Keys_with_the_same_parts_are_equal_and_hash_alike()
    {
        var a = RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-001"));
        var b = RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-001"));

        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Field_name_case_is_ignored_by_equality_and_hash()
    {
        var a = RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-001"));
        var b = RowKey.Of(("DATAAREAID", "usmf"), ("customeraccount", "US-001"));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("usmf", "USMF")]
    [InlineData("US-001", "us-001")]
    [InlineData("Zürich", "ZÜRICH")]
    [InlineData("straße", "STRAßE")]
    [InlineData("Ωmega", "ωMEGA")]
    public void String_value_case_is_ignored_by_equality_and_hash(string left, string right)
    {
        var a = RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", left));
        var b = RowKey.Of(("dataAreaId", "USMF"), ("CustomerAccount", right));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Keys_differing_in_a_value_are_not_equal()
    {
        var a = RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-001"));
        var b = RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-002"));

        Assert.NotEqual(a, b);
        Assert.False(a.Equals(b));
    }

    [Fact]
    public void Keys_differing_in_a_field_name_are_not_equal()
    {
        var a = RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-001"));
        var b = RowKey.Of(("dataAreaId", "usmf"), ("VendorAccount", "US-001"));

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Keys_with_a_different_number_of_parts_are_not_equal_either_way()
    {
        var shorter = RowKey.Of(("dataAreaId", "usmf"));
        var longer = RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-001"));

        Assert.False(shorter.Equals(longer));
        Assert.False(longer.Equals(shorter));
    }

    [Fact]
    public void Part_order_matters_because_keys_are_in_key_order()
    {
        var a = RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-001"));
        var b = RowKey.Of(("CustomerAccount", "US-001"), ("dataAreaId", "usmf"));

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Non_string_values_compare_by_value_not_by_text_and_not_ignoring_type()
    {
        Assert.Equal(RowKey.Of(("n", 5L)), RowKey.Of(("n", 5L)));
        Assert.NotEqual(RowKey.Of(("n", 5L)), RowKey.Of(("n", 6L)));
        Assert.NotEqual(RowKey.Of(("n", 5L)), RowKey.Of(("n", "5")));
        Assert.Equal(RowKey.Of(("id", CompanyId)), RowKey.Of(("ID", Guid.Parse(CompanyId.ToString("D").ToUpperInvariant()))));
        Assert.NotEqual(RowKey.Of(("id", CompanyId)), RowKey.Of(("id", CompanyId.ToString())));
    }

    [Fact]
    public void Equal_decimals_of_different_scale_are_equal_and_hash_alike()
    {
        var a = RowKey.Of(("amount", 2.5m));
        var b = RowKey.Of(("amount", 2.50m));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Null_values_equal_only_null()
    {
        Assert.Equal(RowKey.Of(("parent", null)), RowKey.Of(("PARENT", null)));
        Assert.Equal(RowKey.Of(("parent", null)).GetHashCode(), RowKey.Of(("PARENT", null)).GetHashCode());
        Assert.NotEqual(RowKey.Of(("parent", null)), RowKey.Of(("parent", string.Empty)));
        Assert.NotEqual(RowKey.Of(("parent", string.Empty)), RowKey.Of(("parent", null)));
    }

    [Fact]
    public void A_key_is_not_equal_to_null_or_to_another_type()
    {
        var key = RowKey.Of(("dataAreaId", "usmf"));

        Assert.False(key.Equals(null));
        Assert.False(key.Equals((object?)null));
        Assert.False(key.Equals((object)"dataAreaId='usmf'"));
    }

    [Fact]
    public void Keys_differing_only_in_case_find_each_other_in_hashed_collections()
    {
        var set = new HashSet<RowKey> { RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-001")) };

        Assert.Contains(RowKey.Of(("DataAreaId", "USMF"), ("customeraccount", "us-001")), set);
        Assert.False(set.Add(RowKey.Of(("DATAAREAID", "Usmf"), ("CUSTOMERACCOUNT", "Us-001"))));
        Assert.True(set.Add(RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-002"))));
        Assert.Equal(2, set.Count);
    }

    [Fact]
    public void The_indexer_finds_a_part_ignoring_case()
    {
        var key = RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-001"));

        Assert.Equal("US-001", key["customeraccount"]);
        Assert.Equal("usmf", key["DATAAREAID"]);
    }

    [Fact]
    public void Parts_keep_their_order_and_spelling()
    {
        var key = RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-001"));

        Assert.Equal(["dataAreaId", "CustomerAccount"], key.Parts.Select(p => p.Key));
        Assert.Equal(["usmf", "US-001"], key.Parts.Select(p => p.Value));
    }

    [Fact]
    public void ToString_is_the_odata_key_form()
    {
        var key = RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", "US-001"));

        Assert.Equal("dataAreaId='usmf',CustomerAccount='US-001'", key.ToString());
    }

    [Theory]
    [InlineData("O'Brien", "name='O''Brien'")]
    [InlineData("'", "name=''''")]
    [InlineData("a''b", "name='a''''b'")]
    [InlineData("x' or 1=1 --", "name='x'' or 1=1 --'")]
    [InlineData("", "name=''")]
    public void ToString_doubles_quotes_inside_string_values(string value, string expected)
    {
        Assert.Equal(expected, RowKey.Of(("name", value)).ToString());
    }

    [Fact]
    public void ToString_writes_guids_bare_and_lowercase()
    {
        var key = RowKey.Of(("accountnumber", "A1"), ("_msdyn_company_value", CompanyId));

        Assert.Equal("accountnumber='A1',_msdyn_company_value=6f9619ff-8b86-d011-b42d-00c04fc964ff", key.ToString());
    }

    [Fact]
    public void ToString_writes_numbers_booleans_and_null_as_odata_literals()
    {
        var key = RowKey.Of(("n", -42L), ("amount", 1234.50m), ("active", true), ("blocked", false), ("parent", null));

        Assert.Equal("n=-42,amount=1234.50,active=true,blocked=false,parent=null", key.ToString());
    }

    [Fact]
    public void ToString_writes_dates_in_iso_form()
    {
        var key = RowKey.Of(("dataAreaId", "usmf"), ("StartDate", new DateOnly(2021, 6, 23)));

        Assert.Equal("dataAreaId='usmf',StartDate=2021-06-23", key.ToString());
    }

    [Fact]
    public void ToString_writes_date_times_in_utc_iso_form()
    {
        var key = RowKey.Of(
            ("ValidFrom", new DateTimeOffset(2021, 6, 23, 12, 15, 30, TimeSpan.FromHours(2))),
            ("ValidTo", new DateTimeOffset(2021, 6, 24, 0, 0, 0, 500, TimeSpan.Zero)));

        Assert.Equal("ValidFrom=2021-06-23T10:15:30Z,ValidTo=2021-06-24T00:00:00.5Z", key.ToString());
    }
}
