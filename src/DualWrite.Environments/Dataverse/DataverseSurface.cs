using DualWrite.Core.Rows;
using DualWrite.Environments.Dataverse.Webhooks;
using DualWrite.Environments.Demo;
using DualWrite.Environments.Hosting;
using DualWrite.Environments.OData;
using DualWrite.Environments.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Environments.Dataverse;

internal sealed class DataverseSurface : EnvironmentSurface
{
    private static readonly string[] Messages = ["Create", "Update", "Delete"];

    public override void AddServices(IServiceCollection services)
    {
        services.AddSingleton<WebhookSteps>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton(sp => new DataverseMetadata(sp.GetRequiredService<EnvironmentStore>().Schema));
        services.AddSingleton<DataverseService>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder routes) => routes.MapODataService<DataverseService>(DataverseService.ServicePath);

    /// <summary>The messages and per-table message filters that webhook steps register against.</summary>
    public override async Task<DemoDataSummary?> PrepareAsync(IServiceProvider services, EnvironmentOptions options, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<EnvironmentStore>();
        var actor = AdministratorOf(services);
        var messages = store.Schema.GetTable("sdkmessage");
        var filters = store.Schema.GetTable("sdkmessagefilter");
        await using (var transaction = await store.BeginWriteAsync(actor, options.WriteWait, cancellationToken))
        {
            foreach (var message in Messages)
            {
                var messageId = StableIds.For("sdkmessage:" + message);
                if (transaction.FindBy(messages, messages.Key, [messageId]) is null)
                {
                    transaction.Insert(messages, new Row { ["sdkmessageid"] = messageId, ["name"] = message });
                }

                foreach (var table in store.Schema.Tables)
                {
                    var filterId = StableIds.For($"sdkmessagefilter:{message}:{table.Name}");
                    if (transaction.FindBy(filters, filters.Key, [filterId]) is null)
                    {
                        transaction.Insert(filters, new Row { ["sdkmessagefilterid"] = filterId, ["sdkmessageid"] = messageId, ["primaryobjecttypecode"] = table.Name });
                    }
                }
            }

            transaction.Commit();
        }

        return options.Demo ? await DataverseDemoData.SeedAsync(store, actor, cancellationToken) : null;
    }
}
