using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Rows;
using DualWrite.Core.Tests.Schema;

namespace DualWrite.Core.Tests.Mapping;

public sealed class RowMapperTests
{
    private static readonly RowMapper Mapper = new(AccountsMap.Create(), EnvironmentSchemaFiles.FinOps, EnvironmentSchemaFiles.Dataverse, new MapperOptions { Companies = ["USMF", "gbsi"] });

    [Fact]
    public void An_FinOps_row_becomes_the_Dataverse_row_with_transforms_defaults_company_and_lookups()
    {
        var result = Mapper.ToDataverse(Customer());

        Assert.Equal(MapOutcome.Mapped, result.Outcome);
        Assert.Equal("dataAreaId='usmf',CustomerAccount='US-001'", result.Key!.ToString());
        Assert.Equal("US-001", result.Values["accountnumber"]);
        Assert.Equal("Contoso", result.Values["name"]);
        Assert.Equal(2500.5m, result.Values["creditlimit"]);
        Assert.Equal(true, result.Values["msdyn_onetimecustomer"]);
        Assert.Equal(806380001, result.Values["msdyn_onholdstatus"]);
        Assert.Equal(3, result.Values["customertypecode"]);
        Assert.False(result.Values.Contains("msdyn_customergroupid"));

        var group = Assert.Single(result.Lookups, l => l.Column == "msdyn_customergroupid");
        Assert.Equal("msdyn_customergroup", group.Table);
        Assert.Equal("msdyn_groupid", group.Conditions[0].Column);
        Assert.Equal("10", group.Conditions[0].Value);
        var groupCompany = Assert.Single(group.Conditions, c => c.Column == "msdyn_company").Related!;
        Assert.Equal("cdm_company where cdm_companycode = 'usmf'", groupCompany.ToString());

        var currency = Assert.Single(result.Lookups, l => l.Column == "transactioncurrencyid");
        Assert.Equal("transactioncurrency where isocurrencycode = 'USD'", currency.ToString());
        var company = Assert.Single(result.Lookups, l => l.Column == "msdyn_company");
        Assert.Equal("cdm_company where cdm_companycode = 'usmf'", company.ToString());
        Assert.Equal("msdyn_customergroupid.msdyn_groupid", group.Path);
    }

    [Fact]
    public void A_Dataverse_row_comes_back_with_value_maps_reversed_lookups_read_from_their_paths_and_the_company_in_lower_case()
    {
        var result = Mapper.ToFinOps(Account());

        Assert.Equal(MapOutcome.Mapped, result.Outcome);
        Assert.Equal("dataAreaId='usmf',CustomerAccount='US-001'", result.Key!.ToString());
        Assert.Equal("usmf", result.Values["dataAreaId"]);
        Assert.Equal("US-001", result.Values["CustomerAccount"]);
        Assert.Equal(Enum("CustVendorBlocked", "All"), result.Values["OnHoldStatus"]);
        Assert.Equal(Enum("NoYes", "No"), result.Values["IsOneTimeCustomer"]);
        Assert.Equal(Enum("DirPartyBaseType", "Organization"), result.Values["PartyType"]);
        Assert.Equal("20", result.Values["CustomerGroupId"]);
        Assert.Equal("Net30", result.Values["PaymentTerms"]);
        Assert.False(result.Values.Contains("PartyNumber"));
        Assert.False(result.Values.Contains("customertypecode"));
    }

    [Fact]
    public void The_key_of_a_row_is_the_same_read_from_either_side()
    {
        var account = Account();
        account["msdyn_company.cdm_companycode"] = "USMF";
        Assert.Equal(Mapper.KeyOfFinOps(Customer()), Mapper.KeyOfDataverse(account));
    }

    [Fact]
    public void A_value_the_value_map_lacks_fails_the_row_naming_map_key_field_and_value_unless_the_map_has_a_default()
    {
        var customer = Customer();
        customer["OnHoldStatus"] = Enum("CustVendorBlocked", "Never");

        var failed = Mapper.ToDataverse(customer);

        Assert.Equal(MapOutcome.Failed, failed.Outcome);
        var error = Assert.Single(failed.Errors);
        Assert.Equal("Customers V3 (accounts)", error.Map);
        Assert.Equal("dataAreaId='usmf',CustomerAccount='US-001'", error.Key);
        Assert.Equal("ONHOLDSTATUS >< msdyn_onholdstatus  [map 'No':806380000, 'Invoice':806380001, 'All':806380002, 'Payment':806380003]", error.Field);
        Assert.Equal("'Never'", error.Value);
        Assert.Contains("not in the value map", error.Message, StringComparison.Ordinal);

        var withDefault = new RowMapper(
            AccountsMap.Create(AccountsMap.OnHold with { Default = new ValueMapPair("No", 806380000L) }),
            EnvironmentSchemaFiles.FinOps,
            EnvironmentSchemaFiles.Dataverse);
        Assert.Equal(806380000, withDefault.ToDataverse(customer).Values["msdyn_onholdstatus"]);
        var account = Account();
        account["msdyn_onholdstatus"] = 806380005;
        Assert.Equal(Enum("CustVendorBlocked", "No"), withDefault.ToFinOps(account).Values["OnHoldStatus"]);
    }

    [Fact]
    public void Rows_outside_the_filter_or_of_a_company_that_is_not_linked_are_skipped_with_the_reason()
    {
        var person = Customer();
        person["PartyType"] = Enum("DirPartyBaseType", "Person");
        Assert.Equal(MapOutcome.Skipped, Mapper.ToDataverse(person).Outcome);
        Assert.Contains("F&O filter", Mapper.ToDataverse(person).Reason, StringComparison.Ordinal);

        var elsewhere = Customer();
        elsewhere["dataAreaId"] = "dat";
        Assert.Contains("'dat' is not linked", Mapper.ToDataverse(elsewhere).Reason, StringComparison.Ordinal);

        var companyless = Account();
        companyless["msdyn_company.cdm_companycode"] = null;
        Assert.Equal("the row has no company", Mapper.ToFinOps(companyless).Reason);

        var prospect = Account();
        prospect["customertypecode"] = 8;
        Assert.Contains("Dataverse filter", Mapper.ToFinOps(prospect).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_carries_only_the_changed_mapped_fields_and_the_key_and_a_change_to_no_mapped_field_sends_nothing()
    {
        var update = Mapper.ToDataverse(Customer(), ["OrganizationName", "LanguageId"]);
        Assert.Equal(MapOutcome.Mapped, update.Outcome);
        Assert.Equal(["accountnumber", "name"], update.Values.Fields.Order());
        Assert.Equal(["msdyn_company"], update.Lookups.Select(l => l.Column));

        Assert.Equal(MapOutcome.Unchanged, Mapper.ToDataverse(Customer(), ["LanguageId", "SiteId"]).Outcome);
        Assert.Equal(MapOutcome.Unchanged, Mapper.ToFinOps(Account(), ["telephone2"]).Outcome);
        Assert.Equal(MapOutcome.Unchanged, Mapper.ToFinOps(Account(), ["msdyn_partynumber"]).Outcome);

        var groupOnly = Mapper.ToFinOps(Account(), ["msdyn_customergroupid"]);
        Assert.Equal(["CustomerAccount", "CustomerGroupId", "dataAreaId"], groupOnly.Values.Fields.Order());

        // The filter reads PartyType: a change to it can move the row into the map, so it is sent.
        Assert.Equal(MapOutcome.Mapped, Mapper.ToDataverse(Customer(), ["PartyType"]).Outcome);
    }

    [Fact]
    public void A_lookup_whose_key_values_are_empty_is_cleared_instead_of_looked_up()
    {
        var customer = Customer();
        customer["CustomerGroupId"] = null;
        var result = Mapper.ToDataverse(customer);
        Assert.True(result.Values.Contains("msdyn_customergroupid"));
        Assert.Null(result.Values["msdyn_customergroupid"]);
        Assert.DoesNotContain(result.Lookups, l => l.Column == "msdyn_customergroupid");
    }

    [Fact]
    public void A_lookup_to_a_company_specific_table_is_resolved_in_the_rows_own_company_and_paths_of_two_levels_nest()
    {
        var map = AccountsMap.Create() with
        {
            Fields = [.. AccountsMap.Create().Fields, new FieldMapping { FinOps = "SALESMEMO", Dataverse = FieldPath.Parse("msdyn_customergroupid.msdyn_paymenttermid.msdyn_name"), Direction = MappingDirection.ToDataverse }],
        };
        var customer = Customer();
        customer["SalesMemo"] = "Net45";
        var result = new RowMapper(map, EnvironmentSchemaFiles.FinOps, EnvironmentSchemaFiles.Dataverse).ToDataverse(customer);

        var group = Assert.Single(result.Lookups, l => l.Column == "msdyn_customergroupid");
        Assert.Equal(
            "msdyn_customergroup where msdyn_groupid = '10' and msdyn_paymenttermid = (msdyn_paymentterm where msdyn_name = 'Net45' and msdyn_company = (cdm_company where cdm_companycode = 'usmf')) and msdyn_company = (cdm_company where cdm_companycode = 'usmf')",
            group.ToString());
        var billing = Assert.Single(result.Lookups, l => l.Column == "msdyn_billingaccount");
        Assert.Equal("account where accountnumber = 'US-002' and msdyn_company = (cdm_company where cdm_companycode = 'usmf')", billing.ToString());
    }

    [Fact]
    public void A_value_too_long_for_its_destination_fails_the_row()
    {
        var customer = Customer();
        customer["PartyNumber"] = new string('9', 200);
        var result = Mapper.ToDataverse(customer);
        Assert.Equal(MapOutcome.Failed, result.Outcome);
        Assert.Contains("msdyn_partynumber", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mapper_names_the_lookup_paths_a_Dataverse_row_must_carry()
    {
        Assert.Equal(
            ["msdyn_billingaccount.accountnumber", "msdyn_company.cdm_companycode", "msdyn_customergroupid.msdyn_groupid", "msdyn_paymentterm.msdyn_name", "transactioncurrencyid.isocurrencycode"],
            Mapper.DataverseReadPaths.Select(p => p.ToString()).Order());
    }

    internal static int Enum(string type, string member) =>
        EnvironmentSchemaFiles.FinOps.Enums.Single(e => e.Name == type).FindByName(member)!.Value;

    private static Row Customer() => new()
    {
        ["dataAreaId"] = "usmf",
        ["CustomerAccount"] = "US-001",
        ["OrganizationName"] = "Contoso",
        ["CreditLimit"] = 2500.5m,
        ["IsOneTimeCustomer"] = Enum("NoYes", "Yes"),
        ["OnHoldStatus"] = Enum("CustVendorBlocked", "Invoice"),
        ["PartyType"] = Enum("DirPartyBaseType", "Organization"),
        ["PartyNumber"] = "000123",
        ["CustomerGroupId"] = "10",
        ["PaymentTerms"] = "Net10",
        ["SalesCurrencyCode"] = "USD",
        ["InvoiceAccount"] = "US-002",
        ["LanguageId"] = "en-us",
    };

    private static Row Account() => new()
    {
        ["accountid"] = Guid.NewGuid(),
        ["accountnumber"] = "US-001",
        ["name"] = "Contoso",
        ["creditlimit"] = 2500.5m,
        ["msdyn_onetimecustomer"] = false,
        ["msdyn_onholdstatus"] = 806380002,
        ["customertypecode"] = 3,
        ["msdyn_partynumber"] = "000123",
        ["msdyn_customergroupid"] = Guid.NewGuid(),
        ["msdyn_customergroupid.msdyn_groupid"] = "20",
        ["msdyn_paymentterm.msdyn_name"] = "Net30",
        ["transactioncurrencyid.isocurrencycode"] = "EUR",
        ["msdyn_billingaccount.accountnumber"] = null,
        ["msdyn_company.cdm_companycode"] = "USMF",
    };
}
