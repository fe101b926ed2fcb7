using DualWrite.Core.Schema;

namespace DualWrite.Core.Tests.Schema;

public sealed class DataverseSchemaFileTests
{
    // The environment adds these itself; a schema that declared them would clash with it.
    private static readonly string[] SystemColumns =
    [
        "versionnumber", "createdon", "modifiedon", "createdby", "modifiedby", "ownerid", "owninguser", "owningbusinessunit",
        "statecode", "statuscode", "overriddencreatedon", "importsequencenumber",
    ];

    private static EnvironmentSchema Schema => EnvironmentSchemaFiles.Dataverse;

    [Fact]
    public void Names_its_environment_dataverse()
    {
        Assert.Equal("dataverse", Schema.Environment);
    }

    [Theory]
    [InlineData("cdm_company", "cdm_companies")]
    [InlineData("transactioncurrency", "transactioncurrencies")]
    [InlineData("msdyn_paymentterm", "msdyn_paymentterms")]
    [InlineData("msdyn_customergroup", "msdyn_customergroups")]
    [InlineData("account", "accounts")]
    [InlineData("contact", "contacts")]
    [InlineData("msdyn_vendorgroup", "msdyn_vendorgroups")]
    [InlineData("msdyn_vendor", "msdyn_vendors")]
    [InlineData("serviceendpoint", "serviceendpoints")]
    [InlineData("sdkmessage", "sdkmessages")]
    [InlineData("sdkmessagefilter", "sdkmessagefilters")]
    [InlineData("sdkmessageprocessingstep", "sdkmessageprocessingsteps")]
    public void Declares_the_table_under_its_plural_entity_set(string table, string entitySet)
    {
        Assert.Equal(entitySet, Schema.GetTable(table).EntitySet);
        Assert.Equal(table, Schema.FindByEntitySet(entitySet)?.Name);
    }

    [Fact]
    public void Keys_every_table_by_a_guid_primary_id_that_cannot_change()
    {
        Assert.All(Schema.Tables, table =>
        {
            Assert.NotNull(table.PrimaryIdField);
            Assert.Equal([table.PrimaryIdField], table.Key);
            var id = table.GetField(table.PrimaryIdField);
            Assert.Equal(FieldType.Guid, id.Type);
            Assert.False(id.IsValidForUpdate);
            Assert.False(id.IsRequired);
        });
    }

    [Fact]
    public void Gives_every_named_table_a_string_primary_name()
    {
        Assert.All(
            Schema.Tables.Where(t => t.Name != "sdkmessagefilter"),
            t => Assert.Equal(FieldType.String, t.GetField(t.PrimaryNameField!).Type));
    }

    [Fact]
    public void Leaves_system_columns_to_the_environment()
    {
        var declared = Schema.Tables
            .SelectMany(t => t.Fields.Where(f => SystemColumns.Contains(f.Name, StringComparer.OrdinalIgnoreCase)).Select(f => $"{t.Name}.{f.Name}"));

        Assert.Empty(declared);
    }

    [Theory]
    [InlineData("msdyn_paymentterm")]
    [InlineData("msdyn_customergroup")]
    [InlineData("account")]
    [InlineData("contact")]
    [InlineData("msdyn_vendorgroup")]
    [InlineData("msdyn_vendor")]
    public void Stripes_company_specific_tables_by_a_fixed_company_lookup_in_every_alternate_key(string name)
    {
        var table = Schema.GetTable(name);
        var company = table.GetField("msdyn_company");

        Assert.Equal("msdyn_company", table.CompanyField);
        Assert.Equal(FieldType.Lookup, company.Type);
        Assert.Equal("cdm_company", company.LookupTarget);
        Assert.True(company.IsValidForCreate);
        Assert.False(company.IsValidForUpdate);
        Assert.NotEmpty(table.AlternateKeys);
        Assert.All(table.AlternateKeys, key => Assert.Contains("msdyn_company", key.Fields));
    }

    [Theory]
    [InlineData("cdm_company")]
    [InlineData("transactioncurrency")]
    [InlineData("serviceendpoint")]
    [InlineData("sdkmessage")]
    [InlineData("sdkmessagefilter")]
    [InlineData("sdkmessageprocessingstep")]
    public void Keeps_shared_and_system_tables_global(string name)
    {
        var table = Schema.GetTable(name);

        Assert.False(table.IsCompanySpecific);
        Assert.Null(table.FindField("msdyn_company"));
    }

    [Theory]
    [InlineData("cdm_company", "cdm_companycode_key", "cdm_companycode")]
    [InlineData("transactioncurrency", "isocurrencycode_key", "isocurrencycode")]
    [InlineData("msdyn_paymentterm", "msdyn_name_company", "msdyn_name,msdyn_company")]
    [InlineData("msdyn_customergroup", "msdyn_groupid_company", "msdyn_groupid,msdyn_company")]
    [InlineData("account", "msdyn_accountnumber_company", "accountnumber,msdyn_company")]
    [InlineData("contact", "msdyn_contactpersonid_company", "msdyn_contactpersonid,msdyn_company")]
    [InlineData("msdyn_vendorgroup", "msdyn_vendorgroup_company", "msdyn_vendorgroup,msdyn_company")]
    [InlineData("msdyn_vendor", "msdyn_vendoraccountnumber_company", "msdyn_vendoraccountnumber,msdyn_company")]
    public void Declares_the_alternate_key_that_carries_the_integration_key(string table, string keyName, string fields)
    {
        var key = Assert.Single(Schema.GetTable(table).AlternateKeys);

        Assert.Equal(keyName, key.Name);
        Assert.Equal(fields, string.Join(",", key.Fields));
    }

    [Theory]
    [InlineData("cdm_company")]
    [InlineData("transactioncurrency")]
    [InlineData("msdyn_paymentterm")]
    [InlineData("msdyn_customergroup")]
    [InlineData("msdyn_vendorgroup")]
    [InlineData("msdyn_vendor")]
    public void Requires_the_alternate_key_of_tables_that_only_exist_as_finops_data(string name)
    {
        var table = Schema.GetTable(name);

        Assert.All(table.AlternateKeys.SelectMany(k => k.Fields), f => Assert.True(table.GetField(f).IsRequired, f));
    }

    [Theory]
    [InlineData("account")]
    [InlineData("contact")]
    public void Lets_customer_engagement_rows_exist_without_a_company_or_number(string name)
    {
        var table = Schema.GetTable(name);

        Assert.All(table.AlternateKeys.SelectMany(k => k.Fields), f => Assert.False(table.GetField(f).IsRequired, f));
    }

    [Fact]
    public void Requires_the_account_name_and_the_contact_last_name()
    {
        Assert.True(Schema.GetTable("account").GetField("name").IsRequired);
        Assert.True(Schema.GetTable("contact").GetField("lastname").IsRequired);
    }

    [Fact]
    public void Types_the_account_columns_the_way_the_platform_does()
    {
        var account = Schema.GetTable("account");

        Assert.Equal(160, account.GetField("name").MaxLength);
        Assert.Equal(20, account.GetField("accountnumber").MaxLength);
        Assert.Equal(FieldType.Money, account.GetField("creditlimit").Type);
        Assert.Equal(FieldType.Decimal, account.GetField("address1_latitude").Type);
        Assert.Equal("msdyn_customergroup", account.GetField("msdyn_customergroupid").LookupTarget);
        Assert.Equal("msdyn_paymentterm", account.GetField("msdyn_paymentterm").LookupTarget);
        Assert.Equal("transactioncurrency", account.GetField("transactioncurrencyid").LookupTarget);
        Assert.Equal("account", account.GetField("msdyn_billingaccount").LookupTarget);
        Assert.Equal("contact", account.GetField("primarycontactid").LookupTarget);
    }

    [Fact]
    public void Composes_the_contact_full_name_itself()
    {
        var fullName = Schema.GetTable("contact").GetField("fullname");

        Assert.False(fullName.IsValidForCreate);
        Assert.False(fullName.IsValidForUpdate);
    }

    [Fact]
    public void Keeps_exchange_rates_to_ten_decimals()
    {
        var rate = Schema.GetTable("transactioncurrency").GetField("exchangerate");

        Assert.Equal(FieldType.Decimal, rate.Type);
        Assert.Equal(10, rate.Scale);
    }

    [Fact]
    public void Gives_customer_type_codes_their_platform_values()
    {
        var type = Schema.GetTable("account").GetField("customertypecode").Enum!;

        Assert.Equal(3, type.FindByName("Customer")?.Value);
        Assert.Equal(11, type.FindByName("Vendor")?.Value);
        Assert.Equal(Enumerable.Range(1, 12), type.Members.Select(m => m.Value));
    }

    [Fact]
    public void Offers_one_on_hold_option_per_finops_on_hold_status_in_the_same_order()
    {
        var finOps = EnvironmentSchemaFiles.FinOps.Enums.Single(e => e.Name == "CustVendorBlocked").Members.Select(m => m.Name);

        Assert.Equal(finOps, Schema.GetTable("account").GetField("msdyn_onholdstatus").Enum!.Members.Select(m => m.Name));
        Assert.Equal(finOps, Schema.GetTable("msdyn_vendor").GetField("msdyn_onholdstatus").Enum!.Members.Select(m => m.Name));
    }

    [Fact]
    public void Names_option_sets_after_their_table_and_column()
    {
        Assert.All(Schema.Tables, table => Assert.All(
            table.Fields.Where(f => f.Type == FieldType.Enum),
            f => Assert.Equal($"{table.Name}_{f.Name}", f.Enum!.Name)));
    }

    [Fact]
    public void Every_enum_field_names_a_declared_option_set_and_every_option_set_is_used()
    {
        var enumFields = Schema.Tables.SelectMany(t => t.Fields).Where(f => f.Type == FieldType.Enum).ToList();

        Assert.All(enumFields, f => Assert.Contains(f.Enum, Schema.Enums));
        Assert.All(Schema.Enums, e => Assert.Contains(enumFields, f => ReferenceEquals(f.Enum, e)));
    }

    [Fact]
    public void Points_every_lookup_at_a_table_keyed_by_guid()
    {
        var lookups = Schema.Tables.SelectMany(t => t.Fields).Where(f => f.Type == FieldType.Lookup);

        Assert.All(lookups, lookup =>
        {
            var target = Schema.GetTable(lookup.LookupTarget!);
            Assert.Equal(FieldType.Guid, target.GetField(target.PrimaryIdField!).Type);
        });
    }

    [Fact]
    public void Keeps_only_the_webhook_secret_secret()
    {
        var secrets = Schema.Tables.SelectMany(t => t.Fields.Where(f => f.IsSecret).Select(f => $"{t.Name}.{f.Name}"));

        Assert.Equal(["serviceendpoint.authvalue"], secrets);
    }

    [Theory]
    [InlineData("serviceendpoint", "serviceendpointid,name,url,contract,authtype,authvalue,description")]
    [InlineData("sdkmessage", "sdkmessageid,name")]
    [InlineData("sdkmessagefilter", "sdkmessagefilterid,sdkmessageid,primaryobjecttypecode")]
    [InlineData(
        "sdkmessageprocessingstep",
        "sdkmessageprocessingstepid,name,sdkmessageid,sdkmessagefilterid,eventhandler_serviceendpoint,stage,mode,rank,filteringattributes,description,asyncautodelete")]
    public void Declares_the_webhook_registration_tables_column_for_column(string table, string columns)
    {
        Assert.Equal(columns, string.Join(",", Schema.GetTable(table).Fields.Select(f => f.Name)));
    }

    [Fact]
    public void Registers_webhooks_with_the_platform_option_values()
    {
        var endpoint = Schema.GetTable("serviceendpoint");
        var step = Schema.GetTable("sdkmessageprocessingstep");

        Assert.Equal(8, endpoint.GetField("contract").Enum!.FindByName("Webhook")?.Value);
        var authType = endpoint.GetField("authtype").Enum!;
        Assert.Equal(4, authType.FindByName("HttpHeader")?.Value);
        Assert.Equal(5, authType.FindByName("WebhookKey")?.Value);
        Assert.Equal(6, authType.FindByName("HttpQueryString")?.Value);
        var mode = step.GetField("mode").Enum!;
        Assert.Equal(0, mode.FindByName("Synchronous")?.Value);
        Assert.Equal(1, mode.FindByName("Asynchronous")?.Value);
        Assert.Equal(FieldType.Integer, step.GetField("stage").Type);
        Assert.Equal("serviceendpoint", step.GetField("eventhandler_serviceendpoint").LookupTarget);
        Assert.Equal(4000, endpoint.GetField("authvalue").MaxLength);
    }
}
