using DualWrite.Core.Maps;
using DualWrite.Core.Validation;
using static DualWrite.Core.Tests.Validation.TestMaps;

namespace DualWrite.Core.Tests.Validation;

/// <summary>DIPV1010, 1011, 1021, 1023, 1024 and 1026: which fields exist, which must be written, and by how many mappings.</summary>
public sealed class FieldTests
{
    [Fact]
    public void A_required_Dataverse_column_that_nothing_writes_is_refused()
    {
        var findings = Findings.Of(Accounts.Without("name"));

        Findings.Only(findings, DipvCodes.RequiredFieldNotMapped, AccountsName, "name", "'name' of 'account' is required", "none > name");
    }

    [Fact]
    public void A_required_F_and_O_field_that_nothing_writes_is_refused()
    {
        var findings = Findings.Of(Accounts.Without("CustomerGroupId"));

        Findings.Only(findings, DipvCodes.RequiredFieldNotMapped, AccountsName, "CustomerGroupId", "'CustomerGroupId' of 'CustomersV3' is required", "CustomerGroupId < none");
    }

    [Fact]
    public void A_required_column_is_not_written_by_a_mapping_that_carries_values_the_other_way()
    {
        var findings = Findings.Of(Accounts.Replacing("name", Field("OrganizationName < name")));

        Findings.Only(findings, DipvCodes.RequiredFieldNotMapped, AccountsName, "name", "no mapping writes it to Dataverse");
    }

    [Fact]
    public void A_read_only_Dataverse_column_cannot_be_written()
    {
        var findings = Findings.Of(Contacts.With(Field("PersonFirstName > fullname")));

        Findings.Only(findings, DipvCodes.ReadOnlyFieldMapped, "Customers V3 (contacts)", "PERSONFIRSTNAME > fullname",
            "'fullname' of 'contact' is read-only", "<");
    }

    [Fact]
    public void A_system_column_cannot_be_written()
    {
        var findings = Findings.Of(Accounts.With(Field("PartyNumber > accountid")));

        Findings.Only(findings, DipvCodes.ReadOnlyFieldMapped, AccountsName, "PARTYNUMBER > accountid", "'accountid'", "system column");
    }

    [Fact]
    public void Nothing_can_be_written_through_a_column_that_is_not_a_lookup()
    {
        var findings = Findings.Of(Accounts.With(Field("NameAlias = address1_line1.city")));

        Findings.Only(findings, DipvCodes.ReadOnlyFieldMapped, AccountsName, "NAMEALIAS = address1_line1.city", "'address1_line1' is a string column, not a lookup");
    }

    [Fact]
    public void An_unknown_F_and_O_entity_is_refused_and_its_fields_are_not_checked()
    {
        var findings = Findings.Of(Accounts with { FinOpsEntity = "CustomersV4" });

        var finding = Findings.Only(findings, DipvCodes.FinOpsFieldNotFound, AccountsName, null, "F&O has no entity 'CustomersV4'", "did you mean 'CustomersV3'");
        Assert.Single(findings);
        Assert.Equal("DIPV1021", finding.Code);
    }

    [Fact]
    public void An_unknown_F_and_O_field_is_refused()
    {
        var findings = Findings.Of(Accounts.Replacing("name", Field("OrganisationName = name")));

        Findings.Only(findings, DipvCodes.FinOpsFieldNotFound, AccountsName, "ORGANISATIONNAME = name",
            "'CustomersV3' has no field 'OrganisationName'", "did you mean 'OrganizationName'");
    }

    [Fact]
    public void An_unknown_Dataverse_table_is_refused_and_its_columns_are_not_checked()
    {
        var findings = Findings.Of(Accounts with { DataverseTable = "acounts" });

        Findings.Only(findings, DipvCodes.DataverseFieldNotFound, AccountsName, null, "Dataverse has no table 'acounts'", "did you mean 'accounts'");
        Assert.Single(findings);
    }

    [Fact]
    public void An_unknown_Dataverse_column_is_refused()
    {
        var findings = Findings.Of(Accounts.Replacing("description", Field("SalesMemo > descriptoin")));

        Findings.Only(findings, DipvCodes.DataverseFieldNotFound, AccountsName, "SALESMEMO > descriptoin", "'account' has no column 'descriptoin'", "did you mean 'description'");
    }

    [Fact]
    public void An_unknown_segment_of_a_lookup_path_is_refused()
    {
        var findings = Findings.Of(Accounts.Replacing("CustomerGroupId", Field("CustomerGroupId = msdyn_customergroupid.msdyn_group")));

        Findings.Only(findings, DipvCodes.DataverseFieldNotFound, AccountsName, "CUSTOMERGROUPID = msdyn_customergroupid.msdyn_group",
            "'msdyn_customergroup' has no column 'msdyn_group' (in 'msdyn_customergroupid.msdyn_group')");
    }

    [Fact]
    public void A_path_cannot_go_on_from_a_column_that_is_not_a_lookup()
    {
        var findings = Findings.Of(Accounts.With(Field("NameAlias < msdyn_customergroupid.msdyn_description.x")));

        Findings.Only(findings, DipvCodes.DataverseFieldNotFound, AccountsName, "NAMEALIAS < msdyn_customergroupid.msdyn_description.x",
            "'msdyn_description' in 'msdyn_customergroupid.msdyn_description.x' is a string column of 'msdyn_customergroup', not a lookup");
    }

    [Fact]
    public void An_F_and_O_field_written_by_two_mappings_is_refused()
    {
        var findings = Findings.Of(Accounts.With(Field("OrganizationName < description")));

        Findings.Only(findings, DipvCodes.DuplicateFinOpsField, AccountsName, "ORGANIZATIONNAME < description",
            "'OrganizationName' is also written by 'ORGANIZATIONNAME = name'");
    }

    [Fact]
    public void A_Dataverse_column_written_by_two_mappings_is_refused()
    {
        var findings = Findings.Of(Accounts.With(Field("NameAlias > name")));

        Findings.Only(findings, DipvCodes.DuplicateDataverseField, AccountsName, "NAMEALIAS > name", "'name' is also written by 'ORGANIZATIONNAME = name'");
    }

    [Fact]
    public void A_lookup_written_both_directly_and_through_a_path_is_refused()
    {
        var findings = Findings.Of(Accounts.With(Field("CustomerGroupId > msdyn_customergroupid")));

        Findings.Only(findings, DipvCodes.DuplicateDataverseField, AccountsName, "CUSTOMERGROUPID > msdyn_customergroupid",
            "both set the lookup 'msdyn_customergroupid'", "CUSTOMERGROUPID = msdyn_customergroupid.msdyn_groupid");
    }

    [Fact]
    public void Two_mappings_of_the_same_path_written_to_Dataverse_are_refused()
    {
        var map = Accounts.With(Field("CustomerGroupId > msdyn_customergroupid.msdyn_groupid") with { DataverseDefault = new DefaultValue("10") });

        Findings.Only(Findings.Of(map), DipvCodes.DuplicateDataverseField, AccountsName,
            "CUSTOMERGROUPID >> msdyn_customergroupid.msdyn_groupid  [default '10']", "also written by 'CUSTOMERGROUPID = msdyn_customergroupid.msdyn_groupid'");
    }
}
