using System.Text;
using DualWrite.Environments.Hosting;
using DualWrite.Runtime.DataManagement;

namespace DualWrite.Runtime.Tests.DataManagement;

public sealed class DataManagementCsvReaderTests
{
    private static readonly Core.Schema.TableSchema Customers = EnvironmentSchemas.Load(EnvironmentKind.FinOps).GetTable("CustomersV3");

    [Fact]
    public async Task Quoted_values_keep_their_commas_quotes_and_line_breaks_and_the_next_row_starts_on_its_own_line()
    {
        var records = await ReadAsync(
            "CUSTOMERACCOUNT,DATAAREAID,ORGANIZATIONNAME,SALESMEMO\r\n"
            + "C-1,usmf,\"Contoso, Ltd.\",\"first line\r\nsecond \"\"quoted\"\" line\"\r\n"
            + "C-2,usmf,Fabrikam,\r\n");

        Assert.Equal(2, records.Count);
        Assert.Null(records[0].Error);
        Assert.Equal("Contoso, Ltd.", records[0].Row!["OrganizationName"]);
        Assert.Equal("first line\r\nsecond \"quoted\" line", records[0].Row!["SalesMemo"]);
        Assert.Equal(2, records[0].Line);
        Assert.Equal(4, records[1].Line);
        Assert.Null(records[1].Row!["SalesMemo"]);
    }

    [Fact]
    public async Task A_byte_order_mark_does_not_become_part_of_the_first_column_name()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("DATAAREAID,CUSTOMERACCOUNT\nusmf,C-1\n")).ToArray();
        await using var reader = await DataManagementCsvReader.OpenAsync(new MemoryStream(bytes), "customers.csv", Customers, null, CancellationToken.None);
        var records = await ToListAsync(reader);

        Assert.Equal("usmf", Assert.Single(records).Row!["dataAreaId"]);
        Assert.Empty(reader.IgnoredColumns);
    }

    [Fact]
    public async Task Values_are_typed_by_the_entity_whatever_the_order_and_case_of_the_columns()
    {
        var records = await ReadAsync(
            "CreditLimit,ISONETIMECUSTOMER,customeraccount,PARTYTYPE,ORGANIZATIONNUMBEROFEMPLOYEES,DataAreaId\n"
            + "1250.50,Yes,C-1,Organization,12,USMF\n");

        var row = Assert.Single(records).Row!;
        Assert.Equal(1250.50m, row["CreditLimit"]);
        Assert.Equal(1, row["IsOneTimeCustomer"]);
        Assert.Equal(12L, row["OrganizationNumberOfEmployees"]);
        Assert.Equal(Customers.GetField("PartyType").Enum!.FindByName("Organization")!.Value, row["PartyType"]);
        Assert.Equal("USMF", row["dataAreaId"]);
    }

    [Fact]
    public void Dates_are_read_month_first_as_FinOps_writes_them_or_as_ISO()
    {
        var date = new Core.Schema.FieldSchema { Name = "Moment", Type = Core.Schema.FieldType.DateTime };

        Assert.True(DataManagementValues.TryRead("8/25/2020 13:03", date, out var exported, out _));
        Assert.True(DataManagementValues.TryRead("2020-08-25T13:03:00Z", date, out var iso, out _));
        Assert.False(DataManagementValues.TryRead("25/8/2020 13:03", date, out _, out var problem));

        Assert.Equal(new DateTimeOffset(2020, 8, 25, 13, 3, 0, TimeSpan.Zero), exported);
        Assert.Equal(exported, iso);
        Assert.Contains("'25/8/2020 13:03'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Columns_the_entity_or_the_caller_does_not_have_are_ignored_and_missing_ones_are_simply_absent()
    {
        await using var reader = await OpenAsync("DATAAREAID,CUSTOMERACCOUNT,FULLPRIMARYADDRESS,NAMEALIAS,CREDITLIMIT\nusmf,C-1,\"1 Main St, Springfield\",not a number is fine here,10\n", ["CreditLimit"]);
        var row = Assert.Single(await ToListAsync(reader)).Row!;

        Assert.Equal(["FULLPRIMARYADDRESS", "NAMEALIAS"], reader.IgnoredColumns);
        Assert.Equal(10m, row["CreditLimit"]);
        Assert.False(row.Contains("NameAlias"));
        Assert.False(row.Contains("OrganizationName"));
    }

    [Fact]
    public async Task A_header_without_a_key_column_is_refused_before_any_row_is_read()
    {
        var refused = await Assert.ThrowsAsync<DataManagementCsvException>(() => OpenAsync("DATAAREAID,ORGANIZATIONNAME\nusmf,Contoso\n"));

        Assert.Contains("customers.csv: line 1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("CUSTOMERACCOUNT", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_fails_its_row_naming_file_line_column_and_field_and_the_next_rows_are_read()
    {
        var records = await ReadAsync(
            "DATAAREAID,CUSTOMERACCOUNT,CREDITLIMIT,ONHOLDSTATUS\n"
            + "usmf,C-1,100,No\n"
            + "usmf,C-2,\"12,5\",No\n"
            + "usmf,C-3,5,Sometimes\n"
            + "usmf,C-4,7\n"
            + "usmf,C-5,,All\n");

        Assert.Equal(5, records.Count);
        Assert.Null(records[0].Error);
        Assert.Null(records[1].Row);
        Assert.Equal("customers.csv: line 3, column 3 (CREDITLIMIT): '12,5' is not a number (with a point for decimals) for the field CreditLimit", records[1].Error);
        Assert.Equal("C-2", records[1].Key["CustomerAccount"]);
        Assert.Contains("line 4, column 4 (ONHOLDSTATUS): 'Sometimes' is not a member of CustVendorBlocked", records[2].Error, StringComparison.Ordinal);
        Assert.Contains("line 5: the row has 3 values and the header 4 columns", records[3].Error, StringComparison.Ordinal);
        Assert.Null(records[4].Error);
        Assert.Null(records[4].Row!["CreditLimit"]);
    }

    private static async Task<DataManagementCsvReader> OpenAsync(string text, IReadOnlyCollection<string>? fields = null) =>
        await DataManagementCsvReader.OpenAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "customers.csv", Customers, fields, CancellationToken.None);

    private static async Task<List<DataManagementRecord>> ReadAsync(string text)
    {
        await using var reader = await OpenAsync(text);
        return await ToListAsync(reader);
    }

    private static async Task<List<DataManagementRecord>> ToListAsync(DataManagementCsvReader reader)
    {
        var records = new List<DataManagementRecord>();
        await foreach (var record in reader.ReadAsync(CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }
}
