using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Rows;

namespace DualWrite.Server.Tests.Admin;

/// <summary>Both bootstraps through the admin API, over a runtime linked for usmf only: started as jobs, followed to their end.</summary>
public sealed class AdminBootstrapTests : RuntimePerTest
{
    private const string Accounts = "Customers V3 (accounts)";

    [Fact]
    public async Task A_file_is_uploaded_loaded_as_a_job_and_its_counts_unlinked_companies_and_error_file_are_read_back()
    {
        var run = await Admin.PostJsonAsync("api/v1/actions/run", new
        {
            maps = new[] { "Legal entities", "Currencies", "Terms of payment", "Customer groups" }.Select(m => new { map = m, initialSync = true }).ToArray(),
        });
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        await Harness.WaitForStateAsync("Customer groups", Runtime.Lifecycle.MapState.Running);
        const string csv = "\uFEFFCUSTOMERACCOUNT,DATAAREAID,ORGANIZATIONNAME,PARTYTYPE,CUSTOMERGROUPID,SALESCURRENCYCODE,PAYMENTTERMS,CREDITLIMIT\r\n"
            + "API-1,USMF,\"Contoso, Ltd.\",Organization,10,USD,Net30,100\r\n"
            + "API-1,gbsi,Contoso UK,Organization,10,GBP,Net30,100\r\n"
            + "API-2,usmf,Too much,Organization,10,USD,Net30,a lot\r\n";

        var started = await AdminAssert.JsonAsync(await PostCsvAsync($"api/v1/bootstrap/file?map={Uri.EscapeDataString(Accounts)}&to=Dataverse", csv), HttpStatusCode.Accepted);
        var job = await FinishedAsync(started.GetProperty("id").GetString()!);

        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.Equal(Accounts, job.GetProperty("map").GetString());
        var counts = job.GetProperty("counts");
        Assert.Equal([3, 1, 0, 0, 1, 1], new[] { "read", "created", "updated", "unchanged", "skipped", "failed" }.Select(c => counts.GetProperty(c).GetInt64()));
        Assert.Equal(1, job.GetProperty("unlinkedCompanies").GetProperty("gbsi").GetInt64());
        Assert.Equal(job.GetProperty("totalBytes").GetInt64(), job.GetProperty("bytesRead").GetInt64());
        var errors = await Admin.GetAsync(job.GetProperty("errors").GetString()!.TrimStart('/'));
        Assert.Equal("text/csv", errors.Content.Headers.ContentType?.MediaType);
        var lines = (await errors.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line,key,reason", lines[0]);
        Assert.StartsWith("4,", Assert.Single(lines.Skip(1)), StringComparison.Ordinal);
        Assert.Contains(job.GetProperty("id").GetString(), (await AdminAssert.JsonAsync(await Admin.GetAsync("api/v1/bootstrap/jobs"))).EnumerateArray().Select(j => j.GetProperty("id").GetString()));

        // A reader follows the jobs and reads their error files, as every other GET.
        using var reader = Harness.AdminClient("reader");
        Assert.Contains(job.GetProperty("id").GetString(), (await AdminAssert.JsonAsync(await reader.GetAsync("api/v1/bootstrap/jobs"))).EnumerateArray().Select(j => j.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(job.GetProperty("errors").GetString()!.TrimStart('/'))).StatusCode);

        await AdminAssert.ProblemAsync(await PostCsvAsync($"api/v1/bootstrap/file?map={Uri.EscapeDataString(Accounts)}", "DATAAREAID,ORGANIZATIONNAME\r\nusmf,x\r\n"), HttpStatusCode.UnprocessableEntity, "bootstrap-refused");
        await AdminAssert.ProblemAsync(await PostCsvAsync("api/v1/bootstrap/file?map=Customers%20V4", csv), HttpStatusCode.NotFound, "map-not-found");
        await AdminAssert.ProblemAsync(await PostCsvAsync($"api/v1/bootstrap/file?map={Uri.EscapeDataString(Accounts)}&to=finops", csv), HttpStatusCode.BadRequest, "bad-request");
        await AdminAssert.ProblemAsync(await reader.PostAsync($"api/v1/bootstrap/file?map={Uri.EscapeDataString(Accounts)}", new StringContent(csv, Encoding.UTF8, "text/csv")), HttpStatusCode.Forbidden, "forbidden");
        await AdminAssert.ProblemAsync(await Admin.GetAsync("api/v1/bootstrap/jobs/nothing"), HttpStatusCode.NotFound, "not-found");

        // A refused request leaves nothing behind: one folder, the job's that ran.
        Assert.Equal([job.GetProperty("id").GetString()], Directory.GetDirectories(Harness.Runtime.BootstrapFolder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Company_bootstrap_stamps_rows_without_a_company_and_refuses_a_company_that_is_not_linked()
    {
        var writes = new[] { "Alpha", "Beta" }.Select(n => new DataverseWrite("account", DataverseOperation.Create, Values: new Row { ["name"] = n })).ToArray();
        Assert.All(await Harness.Dataverse.WriteAsync(writes, atomic: true, CancellationToken.None), o => Assert.True(o.Success, o.Message));

        var started = await AdminAssert.JsonAsync(await Admin.PostJsonAsync("api/v1/bootstrap/company", new { company = "USMF", table = "account", filter = "name eq 'Alpha'" }), HttpStatusCode.Accepted);
        var job = await FinishedAsync(started.GetProperty("id").GetString()!);

        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("counts").GetProperty("updated").GetInt64());
        var companies = new Dictionary<string, string?>();
        await foreach (var account in Harness.Dataverse.ReadRowsAsync("account", new DataverseQuery { Expand = ["msdyn_company.cdm_companycode"] }, CancellationToken.None))
        {
            companies[(string)account["name"]!] = account["msdyn_company.cdm_companycode"] as string;
        }

        Assert.Equal(new Dictionary<string, string?> { ["Alpha"] = "usmf", ["Beta"] = null }, companies);
        var refused = await AdminAssert.ProblemAsync(await Admin.PostJsonAsync("api/v1/bootstrap/company", new { company = "gbsi", table = "account" }), HttpStatusCode.UnprocessableEntity, "bootstrap-refused");
        Assert.Contains("'gbsi' is not linked", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_runtime_lists_the_jobs_it_ran_before_and_one_cut_off_by_its_stop_as_failed_without_its_upload()
    {
        var started = await AdminAssert.JsonAsync(await Admin.PostJsonAsync("api/v1/bootstrap/company", new { company = "usmf", table = "account" }), HttpStatusCode.Accepted);
        var done = await FinishedAsync(started.GetProperty("id").GetString()!);
        // What a runtime killed while loading a file leaves behind: the job written as running, and its upload.
        var folder = Path.Combine(Harness.Runtime.BootstrapFolder, done.GetProperty("id").GetString()!);
        var cutOff = Directory.CreateDirectory(Path.Combine(Harness.Runtime.BootstrapFolder, "cut-off")).FullName;
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "job.json")))!;
        (record["status"], record["endedAt"], record["kind"], record["map"]) = ("Running", null, "File", Accounts);
        await File.WriteAllTextAsync(Path.Combine(cutOff, "job.json"), record.ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(cutOff, "upload.csv"), "CUSTOMERACCOUNT,DATAAREAID\r\n");

        await Harness.RestartServerAsync();
        using var admin = Harness.AdminClient("admin");
        var jobs = (await AdminAssert.JsonAsync(await admin.GetAsync("api/v1/bootstrap/jobs"))).EnumerateArray().ToDictionary(j => j.GetProperty("id").GetString()!);

        var again = jobs[done.GetProperty("id").GetString()!];
        Assert.Equal(done.GetRawText(), again.GetRawText());
        var failed = jobs["cut-off"];
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Contains("stopped before this job ended", failed.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cutOff, "upload.csv")));
        Assert.Contains("\"Failed\"", await File.ReadAllTextAsync(Path.Combine(cutOff, "job.json")), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostCsvAsync(string path, string csv) =>
        Admin.PostAsync(path, new StringContent(csv, Encoding.UTF8, "text/csv"));

    private async Task<JsonElement> FinishedAsync(string id)
    {
        var job = default(JsonElement);
        await ServerHarness.WaitForAsync(async () =>
        {
            job = await AdminAssert.JsonAsync(await Admin.GetAsync($"api/v1/bootstrap/jobs/{id}"));
            return job.GetProperty("status").GetString() != "Running";
        }, $"bootstrap job {id} to end");
        return job;
    }
}
