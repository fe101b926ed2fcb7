using DualWrite.Core.Maps;

namespace DualWrite.Core.Tests.Mapping;

/// <summary>A customers-to-accounts map with one of each kind of mapping, over the shipped schemas.</summary>
internal static class AccountsMap
{
    public static readonly ValueMap OnHold = new(
    [
        new("No", 806380000L),
        new("Invoice", 806380001L),
        new("All", 806380002L),
        new("Payment", 806380003L),
    ]);

    public static TableMap Create(ValueMap? onHold = null) => new()
    {
        Name = "Customers V3 (accounts)",
        FinOpsEntity = "CustomersV3",
        DataverseTable = "accounts",
        CompanySpecific = true,
        FinOpsFilter = "((PartyType == \"Organization\"))",
        DataverseFilter = "customertypecode eq 3",
        IntegrationKey = [FieldPath.Parse("accountnumber")],
        Fields =
        [
            new FieldMapping { FinOps = "CUSTOMERACCOUNT", Dataverse = FieldPath.Parse("accountnumber") },
            new FieldMapping { FinOps = "ORGANIZATIONNAME", Dataverse = FieldPath.Parse("name") },
            new FieldMapping { FinOps = "CREDITLIMIT", Dataverse = FieldPath.Parse("creditlimit") },
            new FieldMapping { FinOps = "ISONETIMECUSTOMER", Dataverse = FieldPath.Parse("msdyn_onetimecustomer") },
            new FieldMapping { FinOps = "ONHOLDSTATUS", Dataverse = FieldPath.Parse("msdyn_onholdstatus"), ValueMap = onHold ?? OnHold },
            new FieldMapping { FinOps = "PARTYTYPE", Direction = MappingDirection.ToFinOps, FinOpsDefault = new DefaultValue("Organization") },
            new FieldMapping { Dataverse = FieldPath.Parse("customertypecode"), Direction = MappingDirection.ToDataverse, DataverseDefault = new DefaultValue(3L) },
            new FieldMapping { FinOps = "PARTYNUMBER", Dataverse = FieldPath.Parse("msdyn_partynumber"), Direction = MappingDirection.ToDataverse },
            new FieldMapping { FinOps = "CUSTOMERGROUPID", Dataverse = FieldPath.Parse("msdyn_customergroupid.msdyn_groupid") },
            new FieldMapping { FinOps = "PAYMENTTERMS", Dataverse = FieldPath.Parse("msdyn_paymentterm.msdyn_name") },
            new FieldMapping { FinOps = "SALESCURRENCYCODE", Dataverse = FieldPath.Parse("transactioncurrencyid.isocurrencycode") },
            new FieldMapping { FinOps = "INVOICEACCOUNT", Dataverse = FieldPath.Parse("msdyn_billingaccount.accountnumber") },
        ],
    };
}
