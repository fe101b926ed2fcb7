using DualWrite.Core.Maps;
using DualWrite.Core.Mapping;
using DualWrite.Core.Tests.Schema;
using DualWrite.Core.Validation;
using static DualWrite.Core.Tests.Validation.TestMaps;

namespace DualWrite.Core.Tests.Validation;

public sealed class ValidMapTests
{
    public static TheoryData<string> ValidMaps { get; } = ["accounts", "contacts", "currencies"];

    private static TableMap Named(string name) => name switch
    {
        "accounts" => Accounts,
        "contacts" => Contacts,
        _ => Currencies,
    };

    [Theory]
    [MemberData(nameof(ValidMaps))]
    public void A_valid_map_has_no_findings(string name)
    {
        Findings.None(Findings.Of(Named(name)));
    }

    [Theory]
    [MemberData(nameof(ValidMaps))]
    public void A_map_that_validates_clean_can_be_given_to_the_row_mapper(string name)
    {
        var mapper = new RowMapper(Named(name), EnvironmentSchemaFiles.FinOps, EnvironmentSchemaFiles.Dataverse);

        Assert.NotEmpty(mapper.Key);
    }

    [Fact]
    public void The_key_may_list_the_company_path_as_well()
    {
        var map = Accounts with { IntegrationKey = [FieldPath.Parse("accountnumber"), FieldPath.Parse("msdyn_company.cdm_companycode")] };

        Findings.None(Findings.Of(map));
    }

    [Fact]
    public void A_default_fills_a_required_column_that_no_field_is_mapped_to()
    {
        var map = Accounts.Replacing("name", Field("none > name") with { DataverseDefault = new DefaultValue("Unnamed") });

        Findings.None(Findings.Of(map));
    }

    [Fact]
    public void A_map_that_only_writes_to_Dataverse_may_key_one_way_and_need_not_fill_F_and_O()
    {
        var map = Currencies with
        {
            Fields = [Field("CurrencyCode > isocurrencycode"), Field("Name > currencyname"), Field("Symbol > currencysymbol"), Currencies.Fields[3]],
        };

        Findings.None(Findings.Of(map));
    }

    [Fact]
    public void A_one_way_value_map_may_turn_many_values_into_one()
    {
        var map = Accounts.Replacing("customertypecode", Field("PartyType > customertypecode") with
        {
            ValueMap = Pairs(("Organization", 3L), ("Person", 3L)) with { Default = new ValueMapPair(null, 12L) },
        });

        Findings.None(Findings.Of(map));
    }

    [Fact]
    public void A_nested_lookup_path_whose_levels_are_all_keyed_is_valid()
    {
        Findings.None(Findings.Of(Accounts.With(Field("PaymentTerms > msdyn_customergroupid.msdyn_paymenttermid.msdyn_name"))));
    }

    [Fact]
    public void Reading_a_read_only_column_or_a_column_already_written_is_allowed()
    {
        Findings.None(Findings.Of(Contacts.With(Field("PersonFirstName < fullname"))));
        Findings.None(Findings.Of(Accounts.With(Field("NameAlias < name"))));
    }

    [Fact]
    public void A_lookup_read_only_from_Dataverse_needs_no_key_behind_it()
    {
        Findings.None(Findings.Of(Accounts.Replacing("CustomerGroupId", Field("CustomerGroupId < msdyn_customergroupid.msdyn_description"))));
    }

    [Fact]
    public void Tables_are_found_by_either_name()
    {
        Findings.None(Findings.Of(Accounts with { DataverseTable = "account" }));
    }

    [Fact]
    public void A_finding_reads_as_code_map_mapping_and_message()
    {
        var finding = new MapFinding(DipvCodes.KeyFieldNotMapped, AccountsName, "CUSTOMERACCOUNT = accountnumber", "the rule");
        var whole = new MapFinding(DipvCodes.IntegrationKeyInvalid, AccountsName, null, "the rule");

        Assert.Equal("DIPV1014 Customers V3 (accounts): CUSTOMERACCOUNT = accountnumber: the rule", finding.ToString());
        Assert.Equal("DIPV1003 Customers V3 (accounts): the rule", whole.ToString());
    }
}
