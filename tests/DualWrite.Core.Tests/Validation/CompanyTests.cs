using DualWrite.Core.Maps;
using DualWrite.Core.Validation;
using static DualWrite.Core.Tests.Validation.TestMaps;

namespace DualWrite.Core.Tests.Validation;

/// <summary>DIPV1002: company-specific maps to company-specific, global to global, and the company is never a mapped field.</summary>
public sealed class CompanyTests
{
    [Fact]
    public void A_map_marked_global_over_company_specific_tables_is_refused()
    {
        var findings = Findings.Of(Accounts with { CompanySpecific = false });

        Findings.Only(findings, DipvCodes.CompanyMismatch, AccountsName, null, "marked global", "'CustomersV3'", "'account'", "company-specific");
    }

    [Fact]
    public void A_map_marked_company_specific_over_global_tables_is_refused()
    {
        var findings = Findings.Of(Currencies with { CompanySpecific = true });

        Findings.Only(findings, DipvCodes.CompanyMismatch, "Currencies", null, "marked company-specific, but 'Currencies' and 'transactioncurrency' are global", "mark the map global");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_company_specific_entity_mapped_to_a_global_table_is_refused(bool flag)
    {
        var map = new TableMap
        {
            Name = "Vendor groups as currencies",
            FinOpsEntity = "VendorGroups",
            DataverseTable = "transactioncurrencies",
            CompanySpecific = flag,
            IntegrationKey = [FieldPath.Parse("isocurrencycode")],
            Fields =
            [
                Field("VendorGroupId = isocurrencycode"),
                Field("Description = currencyname"),
                Field("none > currencysymbol") with { DataverseDefault = new DefaultValue("$") },
                Field("none > exchangerate") with { DataverseDefault = new DefaultValue(1L) },
            ],
        };

        var finding = Findings.Only(Findings.Of(map), DipvCodes.CompanyMismatch, map.Name, null,
            "'VendorGroups' is company-specific (by dataAreaId)", "'transactioncurrency' is global");

        Assert.Single(Findings.Of(map));
        Assert.Contains("a company-specific entity maps only to a company-specific table", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_global_entity_mapped_to_a_company_specific_table_is_refused()
    {
        var map = new TableMap
        {
            Name = "Currencies as vendor groups",
            FinOpsEntity = "Currencies",
            DataverseTable = "msdyn_vendorgroups",
            CompanySpecific = true,
            IntegrationKey = [FieldPath.Parse("msdyn_vendorgroup")],
            Fields = [Field("CurrencyCode = msdyn_vendorgroup"), Field("Name = msdyn_description")],
        };

        Findings.Only(Findings.Of(map), DipvCodes.CompanyMismatch, map.Name, null, "'Currencies' is global", "'msdyn_vendorgroup' is company-specific (by msdyn_company)");
    }

    [Theory]
    [InlineData("dataAreaId = msdyn_company.cdm_companycode", "DATAAREAID = msdyn_company.cdm_companycode", "F&O 'dataAreaId' and Dataverse 'msdyn_company.cdm_companycode'")]
    [InlineData("NameAlias > msdyn_company.cdm_companycode", "NAMEALIAS > msdyn_company.cdm_companycode", "Dataverse 'msdyn_company.cdm_companycode'")]
    [InlineData("DATAAREAID > address1_county", "DATAAREAID > address1_county", "F&O 'DATAAREAID'")]
    public void A_company_specific_map_does_not_map_the_company(string mapping, string shown, string sides)
    {
        var findings = Findings.Of(Accounts.With(Field(mapping)));

        var finding = Findings.Only(findings, DipvCodes.CompanyMismatch, AccountsName, shown, sides, "part of the integration key", "remove this mapping");
        Assert.Single(findings);
        Assert.StartsWith($"DIPV1002 Customers V3 (accounts): {shown}: the map is company-specific", finding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_company_specific_map_does_not_write_the_company_lookup_from_a_default_either()
    {
        var map = Accounts.With(Field("none > msdyn_company") with { DataverseDefault = new DefaultValue("00000000-0000-0000-0000-000000000001") });

        Findings.Only(Findings.Of(map), DipvCodes.CompanyMismatch, AccountsName, MapText.Of(map.Fields[^1]), "Dataverse 'msdyn_company'", "remove this mapping");
    }
}
