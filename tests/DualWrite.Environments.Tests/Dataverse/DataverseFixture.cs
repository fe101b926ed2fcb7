using System.Net;
using DualWrite.Environments.Hosting;
using DualWrite.Environments.Tests.Support;

namespace DualWrite.Environments.Tests.Dataverse;

/// <summary>One Dataverse environment shared by the tests of a class, with the companies usmf and gbsi; each test uses keys of its own.</summary>
public sealed class DataverseFixture : IAsyncLifetime
{
    internal TestEnvironment Environment { get; private set; } = null!;

    public Guid Usmf { get; private set; }

    public Guid Gbsi { get; private set; }

    public async Task InitializeAsync()
    {
        Environment = await TestEnvironment.StartAsync(EnvironmentKind.Dataverse);
        (Usmf, Gbsi) = await AddCompaniesAsync(Environment);
    }

    public async Task DisposeAsync() => await Environment.DisposeAsync();

    internal static async Task<(Guid Usmf, Guid Gbsi)> AddCompaniesAsync(TestEnvironment environment)
    {
        using var admin = await environment.ClientAsync("admin");
        var ids = new List<Guid>();
        foreach (var company in (string[])["usmf", "gbsi"])
        {
            using var response = await admin.PostAsync("cdm_companies", TestEnvironment.Json(new { cdm_companycode = company, cdm_name = company.ToUpperInvariant() }));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            ids.Add(Dv.IdOf(response));
        }

        return (ids[0], ids[1]);
    }
}
