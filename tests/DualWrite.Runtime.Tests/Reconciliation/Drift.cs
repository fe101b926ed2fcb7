using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Tests.InitialSync;

namespace DualWrite.Runtime.Tests.Reconciliation;

/// <summary>
/// Both environments synced with the accounts map and its dependencies, then made to drift apart behind the runtime's
/// back in every way a comparison must see, and one way it must not.
/// </summary>
internal sealed class Drift
{
    public const string Map = "Customers V3 (accounts)";
    public const string OnlyInDataverse = "ZZ-DV-ONLY";
    public const string OutsideFilter = "ZZ-PROSPECT";
    public const decimal DataverseCreditLimit = 12345m;
    public const string RenamedInGbsi = "Renamed in Dataverse";

    private Drift(string deletedInDataverse, string creditLimitChanged, decimal finOpsCreditLimit, string groupChanged, string oldGroup, string newGroup, string gbsiRenamed)
    {
        DeletedInDataverse = deletedInDataverse;
        CreditLimitChanged = creditLimitChanged;
        FinOpsCreditLimit = finOpsCreditLimit;
        GroupChanged = groupChanged;
        OldGroup = oldGroup;
        NewGroup = newGroup;
        GbsiRenamed = gbsiRenamed;
    }

    /// <summary>A usmf customer whose account was deleted in Dataverse.</summary>
    public string DeletedInDataverse { get; }

    /// <summary>A usmf customer whose account's credit limit was changed in Dataverse to <see cref="DataverseCreditLimit"/>.</summary>
    public string CreditLimitChanged { get; }

    public decimal FinOpsCreditLimit { get; }

    /// <summary>A usmf customer moved in F&amp;O from <see cref="OldGroup"/> to <see cref="NewGroup"/>: a lookup that differs.</summary>
    public string GroupChanged { get; }

    public string OldGroup { get; }

    public string NewGroup { get; }

    /// <summary>A gbsi customer whose account was renamed in Dataverse.</summary>
    public string GbsiRenamed { get; }

    public static async Task<Drift> MakeAsync(SyncHarness harness)
    {
        await harness.SyncAsync(Master.Dataverse, [.. SyncHarness.Dependencies, Map]);
        var usmf = await OrganisationsAsync(harness, "usmf", 3);
        var gbsi = await OrganisationsAsync(harness, "gbsi", 1);
        var usmfId = (await harness.Dataverse.CompanyIdAsync("usmf", CancellationToken.None))!.Value;
        var gbsiId = (await harness.Dataverse.CompanyIdAsync("gbsi", CancellationToken.None))!.Value;
        var oldGroup = (string)usmf[2]["CustomerGroupId"]!;
        var newGroup = await OtherGroupAsync(harness, oldGroup);
        var groupId = await harness.Dataverse.FindIdAsync("msdyn_customergroup", new Dictionary<string, object?> { ["msdyn_groupid"] = oldGroup, ["msdyn_company"] = usmfId }, CancellationToken.None);

        DataverseKey Account(string number, Guid company) => DataverseKey.ByAlternateKey(("accountnumber", number), ("msdyn_company", company));
        var written = await harness.Dataverse.WriteAsync(
            [
                new DataverseWrite("account", DataverseOperation.Delete, Account(Number(usmf[0]), usmfId)),
                new DataverseWrite("account", DataverseOperation.Update, Account(Number(usmf[1]), usmfId), new Row { ["creditlimit"] = DataverseCreditLimit }),
                new DataverseWrite("account", DataverseOperation.Update, Account(Number(gbsi[0]), gbsiId), new Row { ["name"] = RenamedInGbsi }),
                new DataverseWrite(
                    "account",
                    DataverseOperation.Upsert,
                    Account(OnlyInDataverse, usmfId),
                    new Row { ["name"] = "Only in Dataverse", ["customertypecode"] = 3 },
                    new Dictionary<string, Guid?> { ["msdyn_customergroupid"] = groupId }),

                // A prospect, not a customer: outside the map's Dataverse filter, so F&O is not expected to have it.
                new DataverseWrite("account", DataverseOperation.Upsert, Account(OutsideFilter, usmfId), new Row { ["name"] = "A prospect", ["customertypecode"] = 1 }),
            ],
            atomic: true,
            CancellationToken.None);
        Assert.All(written, o => Assert.True(o.Success, o.Message));
        var moved = await harness.FinOps.WriteAsync(
            [FinOpsWrite.Update("CustomersV3", RowKey.Of(("dataAreaId", "usmf"), ("CustomerAccount", Number(usmf[2]))), new Row { ["CustomerGroupId"] = newGroup })],
            atomic: true,
            CancellationToken.None);
        Assert.All(moved, o => Assert.True(o.Success, o.Message));
        return new Drift(Number(usmf[0]), Number(usmf[1]), Convert.ToDecimal(usmf[1]["CreditLimit"] ?? 0m, System.Globalization.CultureInfo.InvariantCulture), Number(usmf[2]), oldGroup, newGroup, Number(gbsi[0]));
    }

    private static string Number(Row customer) => (string)customer["CustomerAccount"]!;

    private static async Task<Row[]> OrganisationsAsync(SyncHarness harness, string company, int count)
    {
        var query = new FinOpsQuery { Company = company, Filter = "PartyType eq Microsoft.Dynamics.DataEntities.DirPartyBaseType'Organization'", PageSize = count };
        await foreach (var page in harness.FinOps.ReadPagesAsync("CustomersV3", query, CancellationToken.None))
        {
            return page.Take(count).ToArray();
        }

        throw new InvalidOperationException($"the demo data has no organisations in {company}");
    }

    private static async Task<string> OtherGroupAsync(SyncHarness harness, string group)
    {
        await foreach (var page in harness.FinOps.ReadPagesAsync("CustomerGroups", new FinOpsQuery { Company = "usmf" }, CancellationToken.None))
        {
            return page.Select(g => (string)g["CustomerGroupId"]!).First(g => g != group);
        }

        throw new InvalidOperationException("usmf has no customer groups");
    }
}
