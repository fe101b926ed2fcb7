using DualWrite.Core.Rows;
using DualWrite.Environments.Demo;
using DualWrite.Environments.Hosting;
using DualWrite.Environments.OData;
using DualWrite.Environments.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Environments.FinOps;

internal sealed class FinOpsSurface : EnvironmentSurface
{
    public override void AddServices(IServiceCollection services)
    {
        services.AddSingleton<SyncHookRegistry>();
        services.AddSingleton<SyncHookDispatcher>();
        services.AddSingleton(sp => new FinOpsMetadata(sp.GetRequiredService<EnvironmentStore>().Schema));
        services.AddSingleton<FinOpsService>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapODataService<FinOpsService>(FinOpsService.ServicePath);
        routes.MapSyncHookEndpoints();
    }

    /// <summary>Every F&amp;O has the <c>dat</c> company from the start.</summary>
    public override async Task<DemoDataSummary?> PrepareAsync(IServiceProvider services, EnvironmentOptions options, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<EnvironmentStore>();
        var actor = AdministratorOf(services);
        var demo = options.Demo ? await FinOpsDemoData.SeedAsync(store, actor, cancellationToken: cancellationToken) : null;
        var legalEntities = store.Schema.GetTable("LegalEntities");
        if (store.FindBy(legalEntities, legalEntities.Key, ["dat"]) is null)
        {
            await using var transaction = await store.BeginWriteAsync(actor, options.WriteWait, cancellationToken);
            transaction.Insert(legalEntities, new Row { ["LegalEntityId"] = "dat", ["Name"] = "Company accounts data" });
            transaction.Commit();
        }

        return demo;
    }
}
