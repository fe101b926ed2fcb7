using DualWrite.Connectors;
using DualWrite.Connectors.Dataverse;
using DualWrite.Core.Maps;
using DualWrite.Runtime.Store;

namespace DualWrite.Runtime.Connection;

public sealed partial class ConnectionService
{
    /// <summary>The webhook's name in Dataverse; each of its steps is named after it.</summary>
    public const string WebhookName = "DualWrite runtime";

    /// <summary>The header in which both environments send the hook secret with every hook call.</summary>
    public const string HookSecretHeader = HookSecret.Header;

    private const string FinOpsHookPath = "hooks/finops";
    private const string DataverseHookPath = "hooks/dataverse";
    private static readonly string[] WebhookMessages = ["Create", "Update", "Delete"];

    /// <summary>
    /// Links the two environments: checks that both answer and accept the runtime, that F&amp;O has every company,
    /// then registers the runtime's webhook in Dataverse and sync hook in F&amp;O, creates the missing
    /// <c>cdm_company</c> rows, applies the out-of-box solution and saves the link. A failed check changes nothing on
    /// either side; a step that fails after the checks has what was done before it undone.
    /// </summary>
    /// <param name="request">The environments, companies and hook address.</param>
    /// <param name="who">Who links, for the record.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <exception cref="LinkException">Refused: already linked, an environment unreachable or refusing, an unknown company.</exception>
    public async Task<ConnectionInfo> LinkAsync(LinkRequest request, string who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        var companies = CompaniesOf(request.Companies);
        var hookBase = HookBaseOf(request.HookBaseUrl);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await store.GetConnectionAsync(cancellationToken) is { } existing)
            {
                throw new LinkException($"This runtime is already linked ({Describe(existing)}); reset the link before linking again.");
            }

            var catalog = await StoredCatalog.LoadAsync(store, cancellationToken);
            var outOfBox = OutOfBoxSolution.Load();
            var importOutOfBox = !catalog.Solutions.Any(s => string.Equals(s.Name, outOfBox.Name, StringComparison.OrdinalIgnoreCase) && s.Version == outOfBox.Version);
            if (importOutOfBox)
            {
                catalog.Import(outOfBox);
            }

            var entities = FinOpsEntitiesOf(request.FinOpsEntities ?? catalog.ActiveMaps.Select(m => m.FinOpsEntity).ToArray());
            var tables = DataverseTablesOf(request.DataverseTables ?? catalog.ActiveMaps.Select(m => m.DataverseTable).ToArray());

            using var environments = Open(request.FinOps, request.Dataverse, options.CheckRetry);
            IReadOnlyDictionary<string, string?> names = new Dictionary<string, string?>();
            await CheckAsync("F&O", request.FinOps, environments.FinOpsTokens, async () =>
            {
                // Listing hooks needs the same right as registering them: a principal without it is refused here, before any change.
                await environments.FinOps.ListHooksAsync(cancellationToken);
                names = await ReadLegalEntitiesAsync(environments, companies, cancellationToken);
            }, cancellationToken);
            var missing = new List<string>();
            await CheckAsync("Dataverse", request.Dataverse, environments.DataverseTokens, async () =>
            {
                foreach (var company in companies)
                {
                    if (await environments.Dataverse.CompanyIdAsync(company, cancellationToken) is null)
                    {
                        missing.Add(company);
                    }
                }
            }, cancellationToken);

            var plan = new LinkPlan(request, who, companies, hookBase, entities, tables, names, missing, catalog, importOutOfBox ? outOfBox : null);
            var saved = await ApplyAsync(environments, plan, cancellationToken);
            ConnectionLog.Linked(logger, saved.FinOps.ServiceRoot, saved.Dataverse.ServiceRoot, companies, who);
            LinkChanged?.Invoke(this, EventArgs.Empty);
        }
        finally
        {
            gate.Release();
        }

        return (await GetAsync(cancellationToken))!;
    }

    /// <summary>
    /// The changes of a link, in the order that leaves the least to undo: the Dataverse webhook first, because it
    /// is registered all or nothing and needs a right that cannot be checked without a write; then the F&amp;O hook,
    /// the companies, and the store, the saved link last, since it is what makes the runtime linked.
    /// </summary>
    private async Task<SavedConnection> ApplyAsync(LinkedEnvironments environments, LinkPlan plan, CancellationToken cancellationToken)
    {
        var (secret, dataverseSecret) = (HookSecret.New(), HookSecret.New());
        var done = new Stack<(string What, Func<Task> Undo)>();
        try
        {
            var webhook = await environments.Dataverse.RegisterWebhookAsync(
                WebhookName, new Uri(plan.HookBase, DataverseHookPath), HookSecret.Header, dataverseSecret, plan.Tables, WebhookMessages, cancellationToken, afterCommit: true);
            done.Push(("registering the Dataverse webhook", () => environments.Dataverse.RemoveWebhookAsync(webhook, CancellationToken.None)));

            var hookId = await environments.FinOps.RegisterHookAsync(plan.Entities, new Uri(plan.HookBase, FinOpsHookPath), secret, cancellationToken);
            done.Push(("registering the F&O sync hook", () => environments.FinOps.RemoveHookAsync(hookId, CancellationToken.None)));

            foreach (var company in plan.MissingInDataverse)
            {
                var id = await environments.Dataverse.EnsureCompanyAsync(company, plan.Names.GetValueOrDefault(company), cancellationToken);
                done.Push(($"creating the company '{company}' in Dataverse", () => DeleteCompanyAsync(environments.Dataverse, id)));
            }

            var now = options.Time.GetUtcNow();
            if (plan.OutOfBox is { } outOfBox)
            {
                await store.SaveSolutionAsync(new StoredSolution(outOfBox.Name, outOfBox.Version.ToString(), StoredCatalog.OutOfBoxJson(), now), cancellationToken);
            }

            foreach (var map in plan.Catalog.ActiveMaps)
            {
                var solution = plan.Catalog.ActiveSolution(map.Name)!;
                await store.SetActiveMapAsync(new ActiveMap(map.Name, solution.Name, solution.Version.ToString()), cancellationToken);
            }

            var previous = await store.GetCompaniesAsync(cancellationToken);
            await store.SetCompaniesAsync(plan.Companies, cancellationToken);
            done.Push(("saving the companies", () => store.SetCompaniesAsync(previous, CancellationToken.None)));

            var saved = new SavedConnection(
                SavedConnection.CurrentFormat,
                SavedEnvironment.From(plan.Request.FinOps),
                SavedEnvironment.From(plan.Request.Dataverse),
                plan.HookBase,
                secret,
                now,
                plan.Who,
                hookId,
                plan.Entities,
                webhook.EndpointId,
                webhook.StepIds,
                plan.Tables,
                dataverseSecret);
            await store.SaveConnectionAsync(saved.ToJson(), cancellationToken);
            return saved;
        }
        catch (Exception e)
        {
            var notUndone = await UndoAsync(done);
            var timedOut = e is OperationCanceledException && !cancellationToken.IsCancellationRequested;
            var message = (e is ConnectorException ? $"The link was not made: {e.Message.TrimEnd('.')}." : timedOut ? "The link was not made: an environment did not answer in time." : "The link was not made.")
                + (notUndone.Count == 0
                    ? done.Count == 0 ? " Nothing was changed." : " What had been done was undone."
                    : $" Undoing failed for {string.Join("; ", notUndone)}: remove those by hand.");
            if (e is ConnectorException || timedOut)
            {
                throw new LinkException(HookSecret.Redact(message, plan.Request.FinOps.ClientSecret, plan.Request.Dataverse.ClientSecret, secret, dataverseSecret));
            }

            // Cancellation, or a fault of the runtime: it keeps its type; what could not be undone is in the log.
            throw;
        }
    }

    private async Task<List<string>> UndoAsync(Stack<(string What, Func<Task> Undo)> done)
    {
        var failed = new List<string>();
        foreach (var (what, undo) in done)
        {
            try
            {
                await undo();
            }
            catch (Exception e)
            {
                // Whatever stops one undo must neither stop the others nor hide why the link failed.
                failed.Add($"{what} ({e.Message})");
                ConnectionLog.UndoFailed(logger, what, e.Message);
            }
        }

        return failed;
    }

    private static async Task DeleteCompanyAsync(DataverseClient dataverse, Guid id)
    {
        var outcome = (await dataverse.WriteAsync([new DataverseWrite("cdm_company", DataverseOperation.Delete, DataverseKey.ById(id))], atomic: false, CancellationToken.None))[0];
        if (!outcome.Success && outcome.Status != 404)
        {
            throw new ConnectorException($"Deleting the company {id}: {outcome.Message}", outcome.Status);
        }
    }

    private static Uri HookBaseOf(Uri? url)
    {
        if (url is not { IsAbsoluteUri: true } || url.Scheme is not ("http" or "https"))
        {
            throw new LinkException($"The hook address '{url}' is not an absolute http or https address where the runtime receives hooks.");
        }

        // Without the slash, hooks/finops would replace the last segment of the address rather than go below it.
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    private string[] FinOpsEntitiesOf(IReadOnlyList<string> names)
    {
        var unknown = names.Where(n => finOpsSchema.FindByEntitySet(n) is null && finOpsSchema.FindTable(n) is null).ToArray();
        if (unknown.Length > 0 || names.Count == 0)
        {
            throw new LinkException(names.Count == 0
                ? "No F&O entity to hook: name at least one, or leave the list out to hook every entity of the active maps."
                : $"F&O has no entit{(unknown.Length == 1 ? "y" : "ies")} {string.Join(", ", unknown.Select(n => $"'{n}'"))} to hook.");
        }

        return names.Select(n => (finOpsSchema.FindByEntitySet(n) ?? finOpsSchema.FindTable(n))!.EntitySet).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private string[] DataverseTablesOf(IReadOnlyList<string> names)
    {
        var unknown = names.Where(n => dataverseSchema.FindByEntitySet(n) is null && dataverseSchema.FindTable(n) is null).ToArray();
        if (unknown.Length > 0 || names.Count == 0)
        {
            throw new LinkException(names.Count == 0
                ? "No Dataverse table to hook: name at least one, or leave the list out to hook every table of the active maps."
                : $"Dataverse has no table{(unknown.Length == 1 ? string.Empty : "s")} {string.Join(", ", unknown.Select(n => $"'{n}'"))} to hook.");
        }

        // The webhook's steps name tables by logical name; maps name them by entity set.
        return names.Select(n => (dataverseSchema.FindByEntitySet(n) ?? dataverseSchema.FindTable(n))!.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private static string Describe(string savedJson)
    {
        try
        {
            return SavedConnection.Parse(savedJson).ToString();
        }
        catch (LinkException)
        {
            return "by a saved link this runtime cannot read";
        }
    }
}
