using DualWrite.Runtime.Bootstrap;
using DualWrite.Runtime.InitialSync;
using DualWrite.Runtime.Writing;

namespace DualWrite.Runtime;

public sealed partial class DualWriteRuntime
{
    /// <summary>Where files loaded through the admin API and their error files are kept: beside the store.</summary>
    public string BootstrapFolder => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.StorePath))!, "bootstrap");

    /// <summary>Gives rows of a Dataverse table that have no company the linked company named (see <see cref="CompanyBootstrap"/>).</summary>
    public async Task<CompanyBootstrapResult> BootstrapCompanyAsync(CompanyBootstrapOptions options, IProgress<SyncCounts>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var companies = await Store.GetCompaniesAsync(cancellationToken);
        using var environments = await Connection.OpenAsync(cancellationToken);
        var writer = new ChangeWriter(environments.FinOps, environments.Dataverse, new LookupResolver(environments.Dataverse), this.options.Writer);
        var result = await new CompanyBootstrap(environments.Dataverse, writer, dataverseSchema).RunAsync(options, companies, progress, cancellationToken);
        RuntimeLog.CompanyBootstrapped(logger, result.Table, result.Company, result.Counts.Updated, result.Counts.Failed);
        return result;
    }

    /// <summary>Loads a data-management export into Dataverse through an active map (see <see cref="FileBootstrap"/>).</summary>
    /// <exception cref="BootstrapException">No active map has that name, or the map cannot take a file.</exception>
    public async Task<FileBootstrapResult> BootstrapFileAsync(string map, FileBootstrapOptions options, IProgress<FileBootstrapProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var found = (await ActiveMapsAsync(cancellationToken)).FirstOrDefault(m => string.Equals(m.Name, map, StringComparison.OrdinalIgnoreCase))
            ?? throw new BootstrapException($"there is no active map named '{map}'");
        var companies = await Store.GetCompaniesAsync(cancellationToken);
        using var environments = await Connection.OpenAsync(cancellationToken);
        var writer = new ChangeWriter(environments.FinOps, environments.Dataverse, new LookupResolver(environments.Dataverse), this.options.Writer);
        var bootstrap = new FileBootstrap(environments.Dataverse, writer, Mapper(found, companies), companies, this.options.Time);
        var result = await bootstrap.RunAsync(options, progress, cancellationToken);
        var counts = result.Counts;
        RuntimeLog.FileBootstrapped(logger, found.Name, options.File, counts.Read, counts.Created, counts.Updated, counts.Unchanged, counts.Skipped, counts.Failed, result.ErrorFile);
        return result;
    }
}
