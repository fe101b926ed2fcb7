using System.Globalization;
using System.Text.Json;
using DualWrite.Connectors.Dataverse;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Environments.Hosting;
using DualWrite.Runtime;
using DualWrite.Server.Hosting;
using DualWrite.Testing;
using Microsoft.Data.Sqlite;

namespace DualWrite.Scenarios.Tests.Setup;

/// <summary>
/// One setup scenario's world: an F&amp;O, new (its DAT company only) or with data (the demo companies usmf, gbsi and
/// dat with their customers), an empty Dataverse, and the runtime serving on loopback, linked to both. The data a
/// scenario adds goes in over the environments' own APIs, as their users would put it there; every step of the
/// guidance goes through the runtime's admin API.
/// </summary>
internal sealed class SetupHarness : IAsyncDisposable
{
    public const string Accounts = "Customers V3 (accounts)";

    /// <summary>The organisation customers, the only ones the accounts map carries.</summary>
    public const string Organisations = "PartyType eq Microsoft.Dynamics.DataEntities.DirPartyBaseType'Organization'";

    private readonly string directory;
    private readonly HttpClient http;

    private SetupHarness(Emulator finOps, Emulator dataverse, RunningServer server, string directory)
    {
        FinOpsEmulator = finOps;
        DataverseEmulator = dataverse;
        Server = server;
        this.directory = directory;
        FinOps = new FinOpsClient(finOps.Transport("admin"), finOps.Schema);
        Dataverse = new DataverseClient(dataverse.Transport("admin"), dataverse.Schema);
        http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", AdministratorToken(server.CredentialsPath));
        Admin = new AdminApi(http);
    }

    public Emulator FinOpsEmulator { get; }

    public Emulator DataverseEmulator { get; }

    public RunningServer Server { get; }

    /// <summary>F&amp;O as its administrator, a user of it.</summary>
    public FinOpsClient FinOps { get; }

    /// <summary>Dataverse as its administrator, a user of it.</summary>
    public DataverseClient Dataverse { get; }

    /// <summary>The runtime's admin API as its administrator.</summary>
    public AdminApi Admin { get; }

    /// <param name="finOpsWithData">Whether F&amp;O starts with the demo companies and their data, or new, with DAT alone.</param>
    public static async Task<SetupHarness> StartAsync(bool finOpsWithData)
    {
        var directory = Path.Combine(Path.GetTempPath(), "dualwrite-setup-scenarios", Guid.NewGuid().ToString("N"));
        var finOps = await Emulator.StartAsync(EnvironmentKind.FinOps, demo: finOpsWithData);
        var dataverse = await Emulator.StartAsync(EnvironmentKind.Dataverse);
        var server = await RuntimeServer.StartAsync(new ServerOptions
        {
            Url = "http://127.0.0.1:0",
            Runtime = new RuntimeOptions { StorePath = Path.Combine(directory, "runtime.db") },
        });
        return new SetupHarness(finOps, dataverse, server, directory);
    }

    /// <summary>Sets up the connection for the companies given, the runtime reaching both sides as their dual-write application user.</summary>
    public Task LinkAsync(params string[] companies) => Admin.LinkAsync(new
    {
        finOps = FinOpsEmulator.Address(),
        dataverse = DataverseEmulator.Address(),
        hookBaseUrl = Server.BaseAddress,
        companies,
    });

    /// <summary>Runs the accounts map with every map it needs, as Run proposes them, and waits until all run live.</summary>
    public async Task<string[]> RunAccountsAsync(bool initialSync, string master = "Dataverse")
    {
        var maps = await Admin.RelatedAsync(Accounts);
        await Admin.RunAsync(maps, initialSync, master);
        return maps;
    }

    /// <summary>
    /// Compares every running map and checks that both sides hold the same rows with the same values: nothing only
    /// in F&amp;O, nothing only in Dataverse, nothing differing. Answers each map's totals.
    /// </summary>
    public async Task<Dictionary<string, JsonElement>> AssertEveryRunningMapAgreesAsync()
    {
        var totals = new Dictionary<string, JsonElement>();
        var running = (await Admin.StatesAsync()).Where(s => s.Value == "Running").Select(s => s.Key).ToArray();
        Assert.NotEmpty(running);
        foreach (var map in running)
        {
            var report = await Admin.CompareAsync(map);
            var counts = report.GetProperty("totals");
            Assert.True(
                (counts.GetProperty("onlyInFinOps").GetInt64(), counts.GetProperty("onlyInDataverse").GetInt64(), counts.GetProperty("differing").GetInt64()) == (0, 0, 0),
                $"{map} does not agree: {counts}\n{report.GetProperty("differences")}");
            totals[map] = counts;
        }

        return totals;
    }

    /// <summary>Creates rows in F&amp;O as one transaction.</summary>
    public async Task CreateInFinOpsAsync(string entity, params Row[] rows)
    {
        var outcomes = await FinOps.WriteAsync(rows.Select(r => FinOpsWrite.Create(entity, r)).ToArray(), atomic: true, CancellationToken.None);
        Assert.All(outcomes, o => Assert.True(o.Success, o.Message));
    }

    /// <summary>
    /// A new company in F&amp;O, as a user makes one to take a CRM's accounts: its legal entity, terms of payment Net30
    /// and customer group 10 on those terms, which its customers need.
    /// </summary>
    public async Task CreateCompanyInFinOpsAsync(string code, string name)
    {
        await CreateInFinOpsAsync("LegalEntities", new Row { ["LegalEntityId"] = code, ["Name"] = name });
        await CreateInFinOpsAsync("PaymentTerms", new Row { ["dataAreaId"] = code, ["Name"] = "Net30", ["Description"] = "Net 30 days", ["NumberOfDays"] = 30L });
        await CreateInFinOpsAsync("CustomerGroups", new Row { ["dataAreaId"] = code, ["CustomerGroupId"] = "10", ["Description"] = "Wholesale", ["PaymentTermId"] = "Net30" });
    }

    /// <summary>
    /// Runs, with initial sync, the maps the accounts map depends on, so that what accounts point at (companies,
    /// currencies, terms of payment, customer groups) is on both sides before accounts go over; answers every map
    /// Run proposes for accounts, itself last.
    /// </summary>
    public async Task<string[]> RunAccountDependenciesAsync(string master)
    {
        var maps = await Admin.RelatedAsync(Accounts);
        await Admin.RunAsync(maps[..^1], initialSync: true, master);
        return maps;
    }

    /// <summary>Organisation customers of one company, numbered after <paramref name="prefix"/>, in a group, currency and terms the company has.</summary>
    public async Task AddCustomersAsync(string company, string prefix, int count, string group, string currency, string terms)
    {
        var rows = Enumerable.Range(1, count).Select(n => new Row
        {
            ["dataAreaId"] = company,
            ["CustomerAccount"] = prefix + n.ToString("D3", CultureInfo.InvariantCulture),
            ["OrganizationName"] = $"{company.ToUpperInvariant()} customer {n}",
            ["PartyType"] = 2,
            ["CustomerGroupId"] = group,
            ["SalesCurrencyCode"] = currency,
            ["PaymentTerms"] = terms,
            ["CreditLimit"] = 1000m * n,
        }).ToArray();
        await CreateInFinOpsAsync("CustomersV3", rows);
    }

    /// <summary>Accounts a CRM holds before any link: customers (type 3), without a company.</summary>
    public async Task AddCrmAccountsAsync(params (string Number, string Name)[] accounts)
    {
        var writes = accounts.Select(a => new DataverseWrite("account", DataverseOperation.Create, Values: new Row
        {
            ["accountnumber"] = a.Number,
            ["name"] = a.Name,
            ["customertypecode"] = 3,
        })).ToArray();
        Assert.All(await Dataverse.WriteAsync(writes, atomic: true, CancellationToken.None), o => Assert.True(o.Success, o.Message));
    }

    /// <summary>
    /// Gives the company's accounts that have no customer group the one named, as the CRM's owner does once the
    /// groups have come over from F&amp;O: F&amp;O requires a customer to have a group, and a CRM has none of its own.
    /// </summary>
    public async Task GiveAccountsGroupAsync(string company, string group)
    {
        var companyId = await Dataverse.CompanyIdAsync(company, CancellationToken.None);
        var groupId = await Dataverse.FindIdAsync("msdyn_customergroup", new Dictionary<string, object?> { ["msdyn_groupid"] = group, ["msdyn_company"] = companyId }, CancellationToken.None)
            ?? throw new InvalidOperationException($"Dataverse has no customer group {group} in {company}");
        var writes = new List<DataverseWrite>();
        await foreach (var account in Dataverse.ReadRowsAsync("account", new DataverseQuery { Filter = $"_msdyn_company_value eq {companyId} and _msdyn_customergroupid_value eq null" }, CancellationToken.None))
        {
            writes.Add(new DataverseWrite("account", DataverseOperation.Update, DataverseKey.ById((Guid)account["accountid"]!), Binds: new Dictionary<string, Guid?> { ["msdyn_customergroupid"] = groupId }));
        }

        Assert.NotEmpty(writes);
        Assert.All(await Dataverse.WriteAsync(writes, atomic: true, CancellationToken.None), o => Assert.True(o.Success, o.Message));
    }

    /// <summary>Every organisation customer of a company: account → name.</summary>
    public async Task<Dictionary<string, string?>> CustomersAsync(string company)
    {
        var customers = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var c in FinOps.ReadRowsAsync("CustomersV3", new FinOpsQuery { Company = company, Filter = Organisations }, CancellationToken.None))
        {
            customers.Add((string)c["CustomerAccount"]!, c["OrganizationName"] as string);
        }

        return customers;
    }

    /// <summary>Every account as company|number → name; the company is empty for an account without one.</summary>
    public async Task<Dictionary<string, string?>> AccountsAsync()
    {
        var accounts = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var a in Dataverse.ReadRowsAsync("account", new DataverseQuery { Select = ["accountnumber", "name"], Expand = ["msdyn_company.cdm_companycode"] }, CancellationToken.None))
        {
            var key = $"{a["msdyn_company.cdm_companycode"]}|{a["accountnumber"]}";
            Assert.True(accounts.TryAdd(key, a["name"] as string), $"two accounts for {key}");
        }

        return accounts;
    }

    /// <summary>A customer export of the companies given, in the data-management format.</summary>
    public Task<string> ExportCustomersAsync(params string[] companies) =>
        DataManagementExport.WriteAsync(FinOps, FinOpsEmulator.Schema.GetTable("CustomersV3"), companies);

    /// <summary>How many rows the latest initial sync of a map created, updated and left unchanged towards one side, over every company.</summary>
    public async Task<(long Created, long Updated, long Unchanged)> InitialSyncTotalsAsync(string map, string towards)
    {
        var counts = (await Admin.InitialSyncAsync(map)).GetProperty("totals").GetProperty(towards);
        return (counts.GetProperty("created").GetInt64(), counts.GetProperty("updated").GetInt64(), counts.GetProperty("unchanged").GetInt64());
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Server.DisposeAsync();
        await FinOpsEmulator.DisposeAsync();
        await DataverseEmulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static string AdministratorToken(string credentialsPath)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(credentialsPath));
        return file.RootElement.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("name").GetString() == "admin").GetProperty("token").GetString()!;
    }
}
