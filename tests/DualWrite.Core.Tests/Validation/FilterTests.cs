using DualWrite.Core.Validation;
using static DualWrite.Core.Tests.Validation.TestMaps;

namespace DualWrite.Core.Tests.Validation;

/// <summary>DIPV1012: each side's filter must parse and fit its table.</summary>
public sealed class FilterTests
{
    [Fact]
    public void An_F_and_O_range_that_does_not_parse_is_refused_with_the_position()
    {
        var findings = Findings.Of(Accounts with { FinOpsFilter = "((PartyType == \"Organization\")" });

        Findings.Only(findings, DipvCodes.FilterInvalid, AccountsName, null,
            "the F&O filter \"((PartyType == \"Organization\")\" does not parse", "at position 30 (at the end)", "expected ')' to close the parenthesis");
    }

    [Fact]
    public void A_Dataverse_filter_that_does_not_parse_is_refused_with_the_position()
    {
        var findings = Findings.Of(Accounts with { DataverseFilter = "customertypecode eq 3 and or" });

        Findings.Only(findings, DipvCodes.FilterInvalid, AccountsName, null, "the Dataverse filter", "does not parse", "at position 26 (at \"or\")");
    }

    [Fact]
    public void A_Dataverse_filter_on_an_unknown_column_is_refused()
    {
        var findings = Findings.Of(Accounts with { DataverseFilter = "customertype eq 3" });

        Findings.Only(findings, DipvCodes.FilterInvalid, AccountsName, null, "does not fit 'account'", "'customertype' is not a field of 'account'");
    }

    [Fact]
    public void An_F_and_O_range_with_a_value_its_field_cannot_hold_is_refused()
    {
        var findings = Findings.Of(Accounts with { FinOpsFilter = "((PartyType == \"Company\")) && (CreditLimit > \"a lot\")" });

        Findings.Only(findings, DipvCodes.FilterInvalid, AccountsName, null, "'Company' is not a member of DirPartyBaseType");
        Findings.Has(findings, DipvCodes.FilterInvalid, AccountsName, null, "'CreditLimit' is money and cannot be compared with the string");
        Assert.Equal(2, findings.Count);
    }

    [Theory]
    [InlineData("_msdyn_customergroupid_value eq null")]
    [InlineData("_msdyn_customergroupid_value eq 00000000-0000-0000-0000-000000000001")]
    [InlineData("msdyn_customergroupid eq null")]
    public void A_Dataverse_filter_names_a_lookup_either_way(string filter)
    {
        Findings.None(Findings.Of(Accounts with { DataverseFilter = filter }));
    }

    [Theory]
    [InlineData("_name_value eq null", "'_name_value' is not a field of 'account'")]
    [InlineData("_value eq null", "'_value' is not a field of 'account'")]
    public void Only_a_lookup_is_named_as_underscore_value(string filter, string problem)
    {
        Findings.Only(Findings.Of(Accounts with { DataverseFilter = filter }), DipvCodes.FilterInvalid, AccountsName, null, problem);
    }
}
