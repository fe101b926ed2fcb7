using DualWrite.Core.Schema;

namespace DualWrite.Core.Tests.Schema;

public sealed class FinOpsSchemaFileTests
{
    private static EnvironmentSchema Schema => EnvironmentSchemaFiles.FinOps;

    [Fact]
    public void Names_its_environment_finops()
    {
        Assert.Equal("finops", Schema.Environment);
    }

    [Theory]
    [InlineData("LegalEntities")]
    [InlineData("Currencies")]
    [InlineData("CustomerGroups")]
    [InlineData("PaymentTerms")]
    [InlineData("CustomersV3")]
    [InlineData("VendorGroups")]
    [InlineData("VendorsV2")]
    public void Declares_the_entity_under_an_entity_set_of_the_same_name(string entity)
    {
        var table = Schema.GetTable(entity);

        Assert.Equal(entity, table.EntitySet);
        Assert.Same(table, Schema.FindByEntitySet(entity));
    }

    [Theory]
    [InlineData("LegalEntities", "LegalEntityId")]
    [InlineData("Currencies", "CurrencyCode")]
    [InlineData("CustomerGroups", "dataAreaId,CustomerGroupId")]
    [InlineData("PaymentTerms", "dataAreaId,Name")]
    [InlineData("CustomersV3", "dataAreaId,CustomerAccount")]
    [InlineData("VendorGroups", "dataAreaId,VendorGroupId")]
    [InlineData("VendorsV2", "dataAreaId,VendorAccountNumber")]
    public void Keys_the_entity_by_its_natural_key(string entity, string key)
    {
        Assert.Equal(key, string.Join(",", Schema.GetTable(entity).Key));
    }

    [Theory]
    [InlineData("CustomerGroups")]
    [InlineData("PaymentTerms")]
    [InlineData("CustomersV3")]
    [InlineData("VendorGroups")]
    [InlineData("VendorsV2")]
    public void Stripes_company_specific_entities_by_a_required_four_character_dataAreaId_that_leads_the_key(string entity)
    {
        var table = Schema.GetTable(entity);
        var company = table.GetField("dataAreaId");

        Assert.Equal("dataAreaId", table.CompanyField);
        Assert.Equal("dataAreaId", table.Key[0]);
        Assert.Equal(FieldType.String, company.Type);
        Assert.Equal(4, company.MaxLength);
        Assert.True(company.IsRequired);
    }

    [Theory]
    [InlineData("LegalEntities")]
    [InlineData("Currencies")]
    public void Keeps_shared_reference_data_global(string entity)
    {
        var table = Schema.GetTable(entity);

        Assert.False(table.IsCompanySpecific);
        Assert.Null(table.FindField("dataAreaId"));
    }

    [Fact]
    public void Company_codes_fit_the_dataAreaId_of_every_company_specific_entity()
    {
        var companyCode = Schema.GetTable("LegalEntities").GetField("LegalEntityId");

        Assert.All(
            Schema.Tables.Where(t => t.IsCompanySpecific),
            t => Assert.Equal(companyCode.MaxLength, t.GetField(t.CompanyField!).MaxLength));
    }

    [Fact]
    public void Requires_every_key_field()
    {
        var optional = Schema.Tables
            .SelectMany(t => t.Key.Select(k => t.GetField(k)).Where(f => !f.IsRequired).Select(f => $"{t.Name}.{f.Name}"));

        Assert.Empty(optional);
    }

    [Fact]
    public void Requires_the_customer_group_of_customers_and_the_vendor_group_of_vendors()
    {
        Assert.True(Schema.GetTable("CustomersV3").GetField("CustomerGroupId").IsRequired);
        Assert.True(Schema.GetTable("VendorsV2").GetField("VendorGroupId").IsRequired);
    }

    [Fact]
    public void Bounds_every_string_field()
    {
        var unbounded = Schema.Tables
            .SelectMany(t => t.Fields.Where(f => f.Type == FieldType.String && f.MaxLength is not > 0).Select(f => $"{t.Name}.{f.Name}"));

        Assert.Empty(unbounded);
    }

    [Fact]
    public void Refers_to_other_entities_by_natural_key_rather_than_by_lookup()
    {
        var lookups = Schema.Tables
            .SelectMany(t => t.Fields.Where(f => f.Type is FieldType.Lookup or FieldType.Guid).Select(f => $"{t.Name}.{f.Name}"));

        Assert.Empty(lookups);
    }

    [Fact]
    public void Types_the_customer_fields_the_way_the_entity_does()
    {
        var customers = Schema.GetTable("CustomersV3");

        Assert.Equal(20, customers.GetField("CustomerAccount").MaxLength);
        Assert.Equal(FieldType.Money, customers.GetField("CreditLimit").Type);
        Assert.Equal(FieldType.Decimal, customers.GetField("AddressLatitude").Type);
        Assert.Equal(FieldType.Decimal, customers.GetField("AddressLongitude").Type);
        Assert.Equal("DirPartyBaseType", customers.GetField("PartyType").Enum?.Name);
        Assert.Equal("CustVendorBlocked", customers.GetField("OnHoldStatus").Enum?.Name);
        Assert.Equal("NoYes", customers.GetField("IsOneTimeCustomer").Enum?.Name);
        Assert.Equal("NoYes", customers.GetField("CreditLimitIsMandatory").Enum?.Name);
    }

    [Fact]
    public void Gives_NoYes_its_real_values()
    {
        var noYes = Schema.Enums.Single(e => e.Name == "NoYes");

        Assert.Equal(0, noYes.FindByName("No")?.Value);
        Assert.Equal(1, noYes.FindByName("Yes")?.Value);
        Assert.Equal(2, noYes.Members.Count);
    }

    [Fact]
    public void Declares_every_on_hold_status()
    {
        var blocked = Schema.Enums.Single(e => e.Name == "CustVendorBlocked");

        Assert.Equal("No,Invoice,All,Payment,Requisition,Never", string.Join(",", blocked.Members.Select(m => m.Name)));
    }

    [Fact]
    public void Tells_organizations_from_persons()
    {
        var partyType = Schema.Enums.Single(e => e.Name == "DirPartyBaseType");

        Assert.NotNull(partyType.FindByName("Organization"));
        Assert.NotNull(partyType.FindByName("Person"));
    }

    [Fact]
    public void Every_enum_field_names_a_declared_enum_and_every_enum_is_used()
    {
        var enumFields = Schema.Tables.SelectMany(t => t.Fields).Where(f => f.Type == FieldType.Enum).ToList();

        Assert.All(enumFields, f => Assert.Contains(f.Enum, Schema.Enums));
        Assert.All(Schema.Enums, e => Assert.Contains(enumFields, f => ReferenceEquals(f.Enum, e)));
    }
}
