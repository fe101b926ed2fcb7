using DualWrite.Core.Maps;
using DualWrite.Core.Validation;
using static DualWrite.Core.Tests.Validation.TestMaps;

namespace DualWrite.Core.Tests.Validation;

/// <summary>DIPV1003, DIPV1004 and DIPV1014: the integration key that matches rows across the two sides.</summary>
public sealed class KeyTests
{
    [Fact]
    public void A_map_without_an_integration_key_is_refused_and_told_the_alternate_keys()
    {
        var findings = Findings.Of(Accounts with { IntegrationKey = [] });

        var finding = Findings.Only(findings, DipvCodes.IntegrationKeyInvalid, AccountsName, null,
            "no integration key", "msdyn_accountnumber_company (accountnumber, msdyn_company)");
        Assert.Single(findings);
        Assert.Equal("DIPV1003", finding.Code);
    }

    [Fact]
    public void A_key_that_is_not_an_alternate_key_of_the_table_is_refused()
    {
        var map = Accounts with { IntegrationKey = [FieldPath.Parse("accountnumber"), FieldPath.Parse("msdyn_partynumber")] };

        Findings.Only(Findings.Of(map), DipvCodes.IntegrationKeyInvalid, AccountsName, null,
            "(accountnumber, msdyn_partynumber + company)", "not one of the alternate keys", "'account'", "msdyn_accountnumber_company (accountnumber, msdyn_company)");
    }

    [Fact]
    public void A_key_of_a_global_map_leaves_the_company_out()
    {
        var map = Currencies with { IntegrationKey = [FieldPath.Parse("isocurrencycode"), FieldPath.Parse("currencyname")] };

        Findings.Only(Findings.Of(map), DipvCodes.IntegrationKeyInvalid, "Currencies", null, "(isocurrencycode, currencyname)", "isocurrencycode_key (isocurrencycode)");
    }

    [Fact]
    public void A_key_field_mapped_one_way_in_a_two_way_map_is_refused()
    {
        var map = Accounts.Replacing("CustomerAccount", Field("CustomerAccount < accountnumber"));

        Findings.Only(Findings.Of(map), DipvCodes.KeyNotTwoWay, AccountsName, "CUSTOMERACCOUNT < accountnumber",
            "'accountnumber'", "only to F&O (<)", "two-way (=)");
    }

    [Fact]
    public void A_key_must_be_two_way_when_the_map_carries_values_each_way_even_without_a_two_way_field()
    {
        var map = Currencies with
        {
            Fields = [Field("CurrencyCode > isocurrencycode"), Field("Name > currencyname"), Field("Symbol < currencysymbol"), Currencies.Fields[3]],
        };

        var findings = Findings.Of(map);

        Findings.Has(findings, DipvCodes.KeyNotTwoWay, "Currencies", "CURRENCYCODE > isocurrencycode", "only to Dataverse (>)");
    }

    [Fact]
    public void An_integration_key_column_with_no_mapping_is_refused()
    {
        var map = Accounts.Replacing("CustomerAccount", Field("CustomerAccount = address1_line3"));

        var findings = Findings.Of(map);

        Findings.Only(findings, DipvCodes.KeyFieldNotMapped, AccountsName, "accountnumber", "integration key column 'accountnumber' has no mapping", "(CustomerAccount)");
        Findings.Has(findings, DipvCodes.KeyFieldNotMapped, AccountsName, "CUSTOMERACCOUNT = address1_line3",
            "F&O entity key field 'CustomerAccount'", "only to 'address1_line3', which is not part of the key");
    }

    [Fact]
    public void An_F_and_O_key_field_mapped_outside_the_key_is_refused()
    {
        var map = Accounts
            .Replacing("CustomerAccount", Field("NameAlias = accountnumber"))
            .With(Field("CustomerAccount = address1_line3"));

        var findings = Findings.Of(map);

        var finding = Findings.Only(findings, DipvCodes.KeyFieldNotMapped, AccountsName, "CUSTOMERACCOUNT = address1_line3",
            "'CustomerAccount' of 'CustomersV3' is not mapped to an integration key column (accountnumber)");
        Assert.Single(findings);
        Assert.StartsWith("DIPV1014 Customers V3 (accounts): CUSTOMERACCOUNT = address1_line3: F&O entity key field", finding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_integration_key_column_mapped_from_none_is_refused()
    {
        var map = Accounts
            .Replacing("CustomerAccount", Field("CustomerAccount = address1_line3"))
            .With(Field("none > accountnumber") with { DataverseDefault = new DefaultValue("X") });

        Findings.Only(Findings.Of(map), DipvCodes.KeyFieldNotMapped, AccountsName, "none >> accountnumber  [default 'X']", "mapped from none");
    }
}
