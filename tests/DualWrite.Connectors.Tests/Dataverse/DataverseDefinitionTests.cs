using DualWrite.Connectors.Dataverse;

namespace DualWrite.Connectors.Tests.Dataverse;

public sealed class DataverseDefinitionTests(DataverseFixture fixture) : IClassFixture<DataverseFixture>
{
    [Fact]
    public async Task The_account_definition_has_its_entity_set_id_columns_and_the_company_striped_alternate_key()
    {
        var account = await fixture.Client.ReadDefinitionAsync("account", CancellationToken.None);

        Assert.Equal("account", account.LogicalName);
        Assert.Equal("accounts", account.EntitySetName);
        Assert.Equal("accountid", account.PrimaryIdAttribute);
        var key = Assert.Single(account.AlternateKeys);
        Assert.Equal(["accountnumber", "msdyn_company"], key.Attributes);
        Assert.Equal("msdyn_accountnumber_company", key.Name);

        var name = account.FindAttribute("name");
        Assert.Equal("String", name?.Type);
        Assert.True(name?.IsRequired);
        var company = account.FindAttribute("msdyn_company");
        Assert.Equal("Lookup", company?.Type);
        Assert.Equal(["cdm_company"], company?.Targets);
        Assert.False(company?.IsValidForUpdate);
        Assert.True(company?.IsValidForCreate);
        Assert.Equal("Picklist", account.FindAttribute("customertypecode")?.Type);
        Assert.Equal("Money", account.FindAttribute("creditlimit")?.Type);
        Assert.False(account.FindAttribute("telephone1")?.IsRequired);
        Assert.Empty(account.FindAttribute("telephone1")!.Targets);
    }

    [Fact]
    public async Task A_table_the_service_does_not_have_fails_with_its_name_and_the_services_message()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() => fixture.Client.ReadDefinitionAsync("no_such_table", CancellationToken.None));

        Assert.Equal(404, error.Status);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
        Assert.Contains("Could not find an entity", error.Message, StringComparison.Ordinal);
    }
}
