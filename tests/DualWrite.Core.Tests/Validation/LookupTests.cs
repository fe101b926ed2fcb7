using DualWrite.Core.Validation;
using static DualWrite.Core.Tests.Validation.TestMaps;

namespace DualWrite.Core.Tests.Validation;

/// <summary>DIPV1015: a lookup written to Dataverse must be given the related row's key.</summary>
public sealed class LookupTests
{
    [Fact]
    public void A_lookup_through_columns_that_are_not_a_key_of_the_related_table_is_refused()
    {
        var map = Accounts.Replacing("CustomerGroupId", Field("CustomerGroupId = msdyn_customergroupid.msdyn_description"));

        Findings.Only(Findings.Of(map), DipvCodes.LookupKeyNotMapped, AccountsName, "CUSTOMERGROUPID = msdyn_customergroupid.msdyn_description",
            "lookup 'msdyn_customergroupid'", "'msdyn_customergroup' row", "(msdyn_description)",
            "msdyn_groupid_company (msdyn_groupid, msdyn_company)", "also map 'msdyn_customergroupid.msdyn_groupid'");
    }

    [Fact]
    public void Each_level_of_a_nested_lookup_path_must_be_keyed()
    {
        var map = Accounts.With(Field("PaymentTerms > msdyn_customergroupid.msdyn_paymenttermid.msdyn_description"));

        var findings = Findings.Of(map);

        Findings.Only(findings, DipvCodes.LookupKeyNotMapped, AccountsName, "PAYMENTTERMS > msdyn_customergroupid.msdyn_paymenttermid.msdyn_description",
            "lookup 'msdyn_customergroupid.msdyn_paymenttermid'", "'msdyn_paymentterm' row", "also map 'msdyn_customergroupid.msdyn_paymenttermid.msdyn_name'");
        Assert.Single(findings);
    }

    [Fact]
    public void A_nested_lookup_counts_as_mapping_its_column_of_the_outer_key()
    {
        // The group is found by its payment term (a nested lookup) and its id, so the outer key is covered; only the
        // outer lookup's own columns are weighed, and the group's key is (msdyn_groupid, msdyn_company).
        var map = Accounts
            .Without("CustomerGroupId")
            .With(
                Field("CustomerGroupId < msdyn_customergroupid.msdyn_groupid"),
                Field("PaymentTerms > msdyn_customergroupid.msdyn_paymenttermid.msdyn_name"));

        Findings.Only(Findings.Of(map), DipvCodes.LookupKeyNotMapped, AccountsName, "PAYMENTTERMS > msdyn_customergroupid.msdyn_paymenttermid.msdyn_name",
            "lookup 'msdyn_customergroupid'", "(msdyn_paymenttermid)", "also map 'msdyn_customergroupid.msdyn_groupid'");
    }

    [Fact]
    public void A_lookup_written_through_the_related_row_id_is_keyed()
    {
        var map = Accounts.Replacing("CustomerGroupId", Field("CustomerGroupId = msdyn_customergroupid.msdyn_customergroupid"));

        Findings.None(Findings.Of(map));
    }

    [Fact]
    public void An_unknown_lookup_is_reported_as_unknown_and_not_as_unkeyed()
    {
        var map = Currencies.With(Field("Name > nosuchlookup.x"));

        Findings.Only(Findings.Of(map), DipvCodes.DataverseFieldNotFound, "Currencies", "NAME > nosuchlookup.x", "no column 'nosuchlookup'");
    }
}
