using System.Text;
using DualWrite.Connectors.FinOps;

namespace DualWrite.Connectors.Tests.FinOps;

/// <summary>
/// The real F&amp;O names entity sets and entity types apart (<c>CustomersV3</c> holds <c>CustomerV3</c>), which the
/// emulator never does, so that shape is checked here on a document of its own.
/// </summary>
public sealed class CsdlEntityKeysTests
{
    private const string Csdl = """
        <?xml version="1.0" encoding="utf-8"?>
        <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
          <edmx:DataServices>
            <Schema Namespace="Microsoft.Dynamics.DataEntities" xmlns="http://docs.oasis-open.org/odata/ns/edm">
              <EntityType Name="CustomerV3">
                <Key><PropertyRef Name="dataAreaId" /><PropertyRef Name="CustomerAccount" /></Key>
                <Property Name="dataAreaId" Type="Edm.String" Nullable="false" />
                <Property Name="CustomerAccount" Type="Edm.String" Nullable="false" />
              </EntityType>
              <EntityType Name="RetailCustomer" BaseType="Microsoft.Dynamics.DataEntities.CustomerV3">
                <Property Name="LoyaltyCard" Type="Edm.String" />
              </EntityType>
              <EntityType Name="Keyless">
                <Property Name="Anything" Type="Edm.String" />
              </EntityType>
              <EntityContainer Name="Resources">
                <EntitySet Name="CustomersV3" EntityType="Microsoft.Dynamics.DataEntities.CustomerV3">
                  <NavigationPropertyBinding Path="Group" Target="CustomerGroups" />
                </EntitySet>
                <EntitySet Name="RetailCustomers" EntityType="Microsoft.Dynamics.DataEntities.RetailCustomer" />
              </EntityContainer>
            </Schema>
          </edmx:DataServices>
        </edmx:Edmx>
        """;

    [Theory]
    [InlineData("CustomersV3")]
    [InlineData("CustomerV3")]
    [InlineData("RetailCustomers")]
    public async Task The_key_is_found_by_entity_set_or_type_and_through_a_base_type(string entity)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Csdl));

        Assert.Equal(["dataAreaId", "CustomerAccount"], await CsdlEntityKeys.FindAsync(stream, entity, CancellationToken.None));
    }

    [Theory]
    [InlineData("Keyless")]
    [InlineData("Missing")]
    public async Task An_entity_without_a_key_or_not_there_has_none(string entity)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Csdl));

        Assert.Null(await CsdlEntityKeys.FindAsync(stream, entity, CancellationToken.None));
    }
}
