using System.Globalization;
using DualWrite.Bench.Hosting;
using DualWrite.Connectors.FinOps;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Environments.Storage;

namespace DualWrite.Bench.InitialSync;

/// <summary>
/// Adds organisation customers to F&amp;O beside its demo data, dealt round the linked companies in turn. Each is
/// a copy of one of its company's demo organisations, so its group, currency, terms of payment and language are
/// ones the company has, under its own account, party number and name; one in twenty is invoiced through an
/// earlier one of the same company, as the demo's branches are, so the sync also meets lookups to its own table.
/// </summary>
internal static class CustomerFill
{
    /// <summary>Rows per transaction: the most operations F&amp;O takes in one change set.</summary>
    public const int ChangeSetSize = FinOpsClient.MaxBatchOperations;

    public const string Entity = "CustomersV3";

    private const string Organization = "Organization";
    private const int BilledThroughEvery = 20;
    private const int BilledThroughDistance = 7;
    private const int RolledBack = 424;
    private static readonly TimeSpan WriteWait = TimeSpan.FromMinutes(1);

    public static async Task RunAsync(BenchEnvironment finOps, FinOpsClient client, FillMethod method, int count, IReadOnlyList<string> companies, CancellationToken cancellationToken)
    {
        var table = finOps.Schema.GetTable(Entity);
        var templates = Organisations(finOps.Store, table, companies);
        for (var first = 0; first < count; first += ChangeSetSize)
        {
            var rows = Enumerable.Range(first, Math.Min(ChangeSetSize, count - first)).Select(i => Customer(i, companies, templates)).ToArray();
            if (method == FillMethod.Storage)
            {
                await InsertAsync(finOps, table, rows, cancellationToken);
            }
            else
            {
                await WriteAsync(client, rows, cancellationToken);
            }
        }
    }

    /// <summary>Whether a CustomersV3 row is an organisation, the only kind the accounts map carries.</summary>
    public static bool IsOrganisation(TableSchema table, Row row) =>
        row.GetValueOrDefault("PartyType") is { } type
        && Convert.ToInt64(type, CultureInfo.InvariantCulture) == PartyType(table);

    private static Row Customer(int index, IReadOnlyList<string> companies, Dictionary<string, IReadOnlyList<Row>> templates)
    {
        var company = companies[index % companies.Count];
        var position = index / companies.Count;
        var pool = templates[company];
        var row = new Row(pool[position % pool.Count].Where(v => v.Value is not null));
        var number = Number(index);
        row["CustomerAccount"] = Account(index);
        row["PartyNumber"] = "BP-" + number;
        row["OrganizationName"] = Trim((string)row["OrganizationName"]!, 100 - number.Length - 1) + " " + number;
        row.Remove("InvoiceAccount");
        if (position % BilledThroughEvery == BilledThroughEvery - 1 && position >= BilledThroughDistance)
        {
            // The same company's customer a few places back: earlier in key order, as a head office usually is.
            row["InvoiceAccount"] = Account(index - (companies.Count * BilledThroughDistance));
        }

        return row;
    }

    private static string Number(int index) => (index + 1).ToString("D7", CultureInfo.InvariantCulture);

    private static string Account(int index) => "BN-" + Number(index);

    private static string Trim(string text, int length) => text.Length <= length ? text : text[..length];

    private static int PartyType(TableSchema table) =>
        table.GetField("PartyType").Enum?.FindByName(Organization)?.Value
            ?? throw new InvalidOperationException($"{table.Name}.PartyType has no member '{Organization}'");

    /// <summary>The demo organisations of each company, the patterns the new customers are copied from.</summary>
    private static Dictionary<string, IReadOnlyList<Row>> Organisations(EnvironmentStore store, TableSchema table, IReadOnlyList<string> companies)
    {
        var rows = store.Query(new RowQuery(table)).Rows.Select(r => r.Values).Where(r => IsOrganisation(table, r)).ToArray();
        var templates = new Dictionary<string, IReadOnlyList<Row>>(StringComparer.OrdinalIgnoreCase);
        foreach (var company in companies)
        {
            var own = rows.Where(r => string.Equals(r["dataAreaId"] as string, company, StringComparison.OrdinalIgnoreCase)).ToArray();
            templates[company] = own.Length > 0
                ? own
                : throw new InvalidOperationException($"F&O has no demo organisation in the company {company} to model customers on");
        }

        return templates;
    }

    private static async Task InsertAsync(BenchEnvironment finOps, TableSchema table, Row[] rows, CancellationToken cancellationToken)
    {
        await using var transaction = await finOps.Store.BeginWriteAsync(finOps.Administrator, WriteWait, cancellationToken);
        foreach (var row in rows)
        {
            transaction.Insert(table, row);
        }

        transaction.Commit();
    }

    private static async Task WriteAsync(FinOpsClient client, Row[] rows, CancellationToken cancellationToken)
    {
        var outcomes = await client.WriteAsync(rows.Select(r => FinOpsWrite.Create(Entity, r)).ToArray(), atomic: true, cancellationToken);
        // In a change set that failed every write fails; the one that was not merely rolled back says why.
        if ((outcomes.FirstOrDefault(o => !o.Success && o.Status != RolledBack) ?? outcomes.FirstOrDefault(o => !o.Success)) is { } failed)
        {
            throw new InvalidOperationException($"F&O refused the customers: {failed}");
        }
    }
}
