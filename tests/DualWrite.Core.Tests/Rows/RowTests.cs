using DualWrite.Core.Rows;

namespace DualWrite.Core.Tests.Rows;

public class RowTests
{
    [Fact]
    public void Field_names_are_read_ignoring_case()
    {
        var row = new Row { ["CustomerAccount"] = "US-001" };

        Assert.Equal("US-001", row["customeraccount"]);
        Assert.Equal("US-001", row["CUSTOMERACCOUNT"]);
        Assert.True(row.Contains("cUsToMeRaCcOuNt"));
        Assert.True(row.TryGetValue("customerACCOUNT", out var value));
        Assert.Equal("US-001", value);
        Assert.Equal("US-001", row.GetValueOrDefault("Customeraccount"));
    }

    [Fact]
    public void Writing_a_field_under_another_casing_replaces_the_value_and_keeps_one_field()
    {
        var row = new Row { ["name"] = "Contoso" };

        row["NAME"] = "Fabrikam";

        Assert.Equal(1, row.Count);
        Assert.Equal("Fabrikam", row["name"]);
        Assert.Equal("name", Assert.Single(row.Fields));
    }

    [Fact]
    public void Building_from_pairs_that_differ_only_in_case_keeps_the_last_value()
    {
        var row = new Row(
        [
            new KeyValuePair<string, object?>("accountnumber", "A1"),
            new KeyValuePair<string, object?>("AccountNumber", "A2"),
            new KeyValuePair<string, object?>("name", "Contoso"),
        ]);

        Assert.Equal(2, row.Count);
        Assert.Equal("A2", row["ACCOUNTNUMBER"]);
        Assert.Equal("Contoso", row["Name"]);
    }

    [Fact]
    public void Reading_a_missing_field_throws_naming_the_field()
    {
        var row = new Row { ["name"] = "Contoso" };

        var error = Assert.Throws<KeyNotFoundException>(() => row["accountnumber"]);

        Assert.Contains("'accountnumber'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_field_of_an_empty_row_throws_naming_the_field()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => new Row()["dataAreaId"]);

        Assert.Contains("dataAreaId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_holding_null_is_present_and_reads_as_null()
    {
        var row = new Row { ["parentaccountid"] = null };

        Assert.Null(row["PARENTACCOUNTID"]);
        Assert.True(row.Contains("parentaccountid"));
        Assert.True(row.TryGetValue("parentaccountid", out var value));
        Assert.Null(value);
        Assert.Equal(1, row.Count);
    }

    [Fact]
    public void Lenient_reads_of_a_missing_field_do_not_throw()
    {
        var row = new Row { ["name"] = "Contoso" };

        Assert.False(row.Contains("revenue"));
        Assert.False(row.TryGetValue("revenue", out var value));
        Assert.Null(value);
        Assert.Null(row.GetValueOrDefault("revenue"));
    }

    [Fact]
    public void Removing_a_field_ignores_case_and_later_reads_throw()
    {
        var row = new Row { ["name"] = "Contoso", ["revenue"] = 5m };

        Assert.True(row.Remove("NAME"));
        Assert.False(row.Remove("name"));

        Assert.Equal(1, row.Count);
        Assert.False(row.Contains("name"));
        Assert.Throws<KeyNotFoundException>(() => row["name"]);
        Assert.Equal(5m, row["Revenue"]);
    }

    [Fact]
    public void Enumeration_yields_every_field_with_its_value()
    {
        var id = Guid.NewGuid();
        var row = new Row { ["name"] = "Contoso", ["revenue"] = 12.5m, ["_msdyn_company_value"] = id, ["statecode"] = 0L };

        var pairs = row.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

        Assert.Equal(4, pairs.Count);
        Assert.Equal("Contoso", pairs["name"]);
        Assert.Equal(12.5m, pairs["revenue"]);
        Assert.Equal(id, pairs["_msdyn_company_value"]);
        Assert.Equal(0L, pairs["statecode"]);
        Assert.Equal(pairs.Keys.Order(StringComparer.Ordinal), row.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_row_built_from_another_row_is_an_independent_copy()
    {
        var original = new Row { ["name"] = "Contoso" };
        var copy = new Row(original);

        copy["name"] = "Fabrikam";
        copy["city"] = "Redmond";

        Assert.Equal("Contoso", original["name"]);
        Assert.False(original.Contains("city"));
        Assert.True(copy.Contains("CITY"));
    }
}
