using DualWrite.Core.Maps;
using DualWrite.Core.Validation;
using static DualWrite.Core.Tests.Validation.TestMaps;

namespace DualWrite.Core.Tests.Validation;

/// <summary>DIPV1029, 1030 and 1031: types, defaults and value maps.</summary>
public sealed class ValueTests
{
    [Fact]
    public void A_value_map_with_the_same_F_and_O_value_twice_is_refused()
    {
        var map = Accounts.Replacing("customertypecode", Field("PartyType > customertypecode") with
        {
            ValueMap = Pairs(("Organization", 3L), ("organization", 1L)),
        });

        Findings.Only(Findings.Of(map), DipvCodes.DuplicateValueMapEntry, AccountsName, "PARTYTYPE >> customertypecode  [map 'Organization':3, 'organization':1]",
            "the F&O value 'organization' twice (pairs 1 and 2)", "keep one of the pairs");
    }

    [Fact]
    public void A_two_way_value_map_with_the_same_Dataverse_value_twice_is_refused()
    {
        var map = Accounts.Replacing("OnHoldStatus", Field("OnHoldStatus = msdyn_onholdstatus") with
        {
            ValueMap = Pairs(("No", 806380000L), ("Never", 806380000L), ("All", 806380002L)),
        });

        Findings.Only(Findings.Of(map), DipvCodes.DuplicateValueMapEntry, AccountsName, MapText.Of(map.Fields[7]),
            "the Dataverse value 806380000 twice (pairs 1 and 2)", "which F&O value");
    }

    [Fact]
    public void Fields_whose_types_cannot_carry_values_are_refused_each_way()
    {
        var findings = Findings.Of(Accounts.Replacing("CreditLimit", Field("CreditLimit = msdyn_creditlimitismandatory")));

        Findings.Only(findings, DipvCodes.TypeMismatch, AccountsName, "CREDITLIMIT = msdyn_creditlimitismandatory",
            "F&O field 'CreditLimit' (money) cannot carry its values to Dataverse 'msdyn_creditlimitismandatory' (boolean)", "value map");
        Findings.Has(findings, DipvCodes.TypeMismatch, AccountsName, "CREDITLIMIT = msdyn_creditlimitismandatory",
            "Dataverse 'msdyn_creditlimitismandatory' (boolean) cannot carry its values to F&O field 'CreditLimit' (money)");
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void Enums_without_a_member_in_common_need_a_value_map()
    {
        var findings = Findings.Of(Accounts.Replacing("customertypecode", Field("PartyType > customertypecode")));

        Findings.Only(findings, DipvCodes.TypeMismatch, AccountsName, "PARTYTYPE > customertypecode",
            "(enum DirPartyBaseType) cannot carry its values to Dataverse 'customertypecode' (enum account_customertypecode)");
    }

    [Fact]
    public void A_default_its_field_cannot_hold_is_refused()
    {
        var map = Accounts.Replacing("customertypecode", Field("none > customertypecode") with { DataverseDefault = new DefaultValue(99L) });

        Findings.Only(Findings.Of(map), DipvCodes.TypeMismatch, AccountsName, "none >> customertypecode  [default 99]",
            "the default for Dataverse is not a value of 'customertypecode'", "99 is not a valid enum", "Customer=3");
    }

    [Fact]
    public void An_F_and_O_default_its_field_cannot_hold_is_refused()
    {
        var map = Accounts.Replacing("PartyType", Field("PartyType < none") with { FinOpsDefault = new DefaultValue("Company") });

        Findings.Only(Findings.Of(map), DipvCodes.TypeMismatch, AccountsName, "PARTYTYPE << none  [default 'Company']",
            "the default for F&O is not a value of 'PartyType'", "'Company' is not a valid enum");
    }

    [Fact]
    public void A_value_map_value_its_field_cannot_hold_is_refused()
    {
        var map = Accounts.Replacing("customertypecode", Field("PartyType > customertypecode") with
        {
            ValueMap = Pairs(("Organisation", 3L), ("Person", 3L)) with { Default = new ValueMapPair(null, "Elsewhere") },
        });

        var findings = Findings.Of(map);

        Findings.Only(findings, DipvCodes.TypeMismatch, AccountsName, MapText.Of(map.Fields[^1]), "value map pair 1 ('Organisation':3)", "'Organisation' is not a valid enum for 'PartyType'");
        Findings.Has(findings, DipvCodes.TypeMismatch, AccountsName, MapText.Of(map.Fields[^1]), "the value map's default (null:'Elsewhere')", "not a valid enum for 'customertypecode'");
    }

    [Fact]
    public void A_value_map_on_a_mapping_from_none_is_refused()
    {
        var map = Accounts.Replacing("customertypecode", Field("none > customertypecode") with
        {
            DataverseDefault = new DefaultValue(3L),
            ValueMap = Pairs(("Organization", 3L)),
        });

        Findings.Only(Findings.Of(map), DipvCodes.TypeMismatch, AccountsName, MapText.Of(map.Fields[^1]), "a value map needs a field on both sides", "none on the F&O side");
    }

    [Fact]
    public void A_mapping_from_none_without_a_default_is_refused()
    {
        var findings = Findings.Of(Accounts.Replacing("customertypecode", Field("none > customertypecode")));

        Findings.Only(findings, DipvCodes.DefaultRequired, AccountsName, "none > customertypecode", "from none", "'customertypecode'", "give it a default for Dataverse");
    }

    [Fact]
    public void A_mapping_from_none_to_F_and_O_without_a_default_is_refused()
    {
        var findings = Findings.Of(Accounts.Replacing("PartyType", Field("PartyType < none")));

        Findings.Only(findings, DipvCodes.DefaultRequired, AccountsName, "PARTYTYPE < none", "from none", "'PartyType'", "give it a default for F&O");
    }

    [Fact]
    public void A_mapping_with_none_on_both_sides_is_refused()
    {
        var findings = Findings.Of(Accounts.With(Field("none > none")));

        var finding = Findings.Only(findings, DipvCodes.DefaultRequired, AccountsName, "none > none", "none on both sides");
        Assert.Single(findings);
        Assert.Equal("DIPV1031", finding.Code);
    }

    [Fact]
    public void A_two_way_mapping_with_a_none_side_is_refused()
    {
        var map = Accounts.Replacing("description", Field("none = description") with { DataverseDefault = new DefaultValue("x") });

        Findings.Only(Findings.Of(map), DipvCodes.DefaultRequired, AccountsName, "none >< description  [default 'x' in Dataverse]",
            "a two-way mapping needs a field on both sides", "none > description with a default");
    }

    [Fact]
    public void A_mapping_to_none_is_refused()
    {
        var findings = Findings.Of(Accounts.Replacing("description", Field("SalesMemo > none")));

        Findings.Only(findings, DipvCodes.DefaultRequired, AccountsName, "SALESMEMO > none", "names no column");
    }
}
