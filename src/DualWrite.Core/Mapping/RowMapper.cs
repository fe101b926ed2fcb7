using DualWrite.Core.Filtering;
using DualWrite.Core.Maps;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Mapping;

/// <summary>
/// Turns rows of one side into rows of the other through one table map: the mappings of that direction, their
/// transforms, lookups, the company and the integration key. Every sync path maps rows here, and only here.
/// Built once per map; the map must be valid against the schemas (see <c>MapValidator</c>).
/// </summary>
public sealed partial class RowMapper
{
    private readonly EnvironmentSchema dataverseSchema;
    private readonly IReadOnlyList<CompiledMapping> mappings;
    private readonly MapSide toDataverse;
    private readonly MapSide toFinOps;
    private readonly HashSet<string>? companies;

    public RowMapper(TableMap map, EnvironmentSchema finOps, EnvironmentSchema dataverse, MapperOptions? options = null)
    {
        Map = map;
        dataverseSchema = dataverse;
        FinOpsTable = finOps.FindTable(map.FinOpsEntity) ?? finOps.FindByEntitySet(map.FinOpsEntity)
            ?? throw new ArgumentException($"{map.Name}: F&O has no entity '{map.FinOpsEntity}'", nameof(map));
        DataverseTable = dataverse.FindByEntitySet(map.DataverseTable) ?? dataverse.FindTable(map.DataverseTable)
            ?? throw new ArgumentException($"{map.Name}: Dataverse has no table '{map.DataverseTable}'", nameof(map));
        companies = options?.Companies is { } linked ? new HashSet<string>(linked, StringComparer.OrdinalIgnoreCase) : null;
        if (map.CompanySpecific)
        {
            var companyLookup = DataverseTable.GetField(DataverseTable.CompanyField!);
            var companyTable = dataverse.GetTable(companyLookup.LookupTarget!);
            CompanyPath = new FieldPath([companyLookup.Name, companyTable.AlternateKeys[0].Fields[0]]);
        }

        var keyPaths = map.IntegrationKey.Where(k => !k.Equals(CompanyPath)).ToHashSet();
        mappings = map.Fields.Select(f => Compile(f, keyPaths.Contains(f.Dataverse!))).ToArray();
        Key = mappings.Where(m => m.IsKey).Select(m => new IntegrationKeyPart(m.FinOps!, m.Mapping.Dataverse!, m.DataverseLeaf!)).ToArray();
        var finOpsFilter = map.FinOpsFilter is null ? null : FinOpsRangeParser.Parse(map.FinOpsFilter);
        var dataverseFilter = map.DataverseFilter is null ? null : ODataFilterParser.Parse(map.DataverseFilter);
        var toDataverseMappings = mappings.Where(m => m.Mapping.Carries(SyncDirection.FinOpsToDataverse)).ToArray();
        var toFinOpsMappings = mappings.Where(m => m.Mapping.Carries(SyncDirection.DataverseToFinOps)).ToArray();
        toDataverse = new MapSide(
            finOpsFilter,
            finOpsFilter is null ? null : FilterEvaluator.Compile(finOpsFilter, FinOpsTable),
            $"the F&O filter {map.FinOpsFilter}",
            toDataverseMappings,
            toDataverseMappings.Where(m => !m.IsKey && m.FinOps is not null).Select(m => m.FinOps!.Name).ToArray());
        toFinOps = new MapSide(
            dataverseFilter,
            dataverseFilter is null ? null : FilterEvaluator.Compile(dataverseFilter, DataverseTable, ResolveDataverse),
            $"the Dataverse filter {map.DataverseFilter}",
            toFinOpsMappings,
            toFinOpsMappings.Where(m => !m.IsKey && m.DataverseColumn is not null).Select(m => m.DataverseColumn!.Name).ToArray());
        DataverseReadPaths = mappings
            .Where(m => m.Mapping.Dataverse is { IsLookup: true } && (m.IsKey || m.Mapping.Carries(SyncDirection.DataverseToFinOps)))
            .Select(m => m.Mapping.Dataverse!)
            .Concat(CompanyPath is null ? [] : [CompanyPath])
            .Distinct()
            .ToArray();
    }

    public TableMap Map { get; }

    public TableSchema FinOpsTable { get; }

    public TableSchema DataverseTable { get; }

    /// <summary>The key parts other than the company, in the map's order.</summary>
    public IReadOnlyList<IntegrationKeyPart> Key { get; }

    /// <summary>In a company-specific map: the company's code read through the Dataverse company lookup.</summary>
    public FieldPath? CompanyPath { get; }

    /// <summary>
    /// The lookup paths a Dataverse row must carry, expanded, as values named by the path
    /// (<c>row["msdyn_customergroupid.msdyn_groupid"]</c>), for the mapper to read it.
    /// </summary>
    public IReadOnlyList<FieldPath> DataverseReadPaths { get; }

    /// <summary>
    /// The F&amp;O fields the map reads towards Dataverse: the fields its mappings carry, the key and company, and
    /// those its F&amp;O filter looks at. A row read from elsewhere (a file) needs these and no others.
    /// </summary>
    public IReadOnlyCollection<string> FinOpsFieldsRead =>
        toDataverse.Carried.Where(m => m.FinOps is not null).Select(m => m.FinOps!.Name)
            .Concat(Key.Select(k => k.FinOps.Name))
            .Concat(Map.CompanySpecific ? [FinOpsTable.CompanyField!] : [])
            .Concat(toDataverse.Filter is null ? [] : FilterFields(toDataverse.Filter))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The source fields of the mappings that carry values in <paramref name="direction"/>, the key aside: given as
    /// the changed fields of <see cref="Apply"/>, they map a row that exists on the other side already, leaving out the
    /// defaults meant for new rows.
    /// </summary>
    public IReadOnlyList<string> SourceFields(SyncDirection direction) =>
        direction == SyncDirection.FinOpsToDataverse ? toDataverse.SourceFields : toFinOps.SourceFields;

    public MapResult Apply(SyncDirection direction, Row source, IReadOnlyCollection<string>? changedFields = null) =>
        direction == SyncDirection.FinOpsToDataverse ? ToDataverse(source, changedFields) : ToFinOps(source, changedFields);

    /// <summary>
    /// Why a source row is outside the map in <paramref name="direction"/> (its company is not linked, or it is outside
    /// its side's filter), so that the other side is not expected to have it; null when the row takes part.
    /// </summary>
    public string? Excludes(SyncDirection direction, Row source) => direction == SyncDirection.FinOpsToDataverse
        ? Admit(toDataverse, KeyOfFinOps(source), source, null)?.Reason
        : Admit(toFinOps, KeyOfDataverse(source), source, null)?.Reason;

    /// <summary>The integration key of an F&amp;O row: company (lower case) first, then the key fields.</summary>
    public RowKey KeyOfFinOps(Row row)
    {
        var parts = new List<KeyValuePair<string, object?>>();
        if (Map.CompanySpecific)
        {
            parts.Add(new(FinOpsTable.CompanyField!, (row.GetValueOrDefault(FinOpsTable.CompanyField!) as string)?.ToLowerInvariant()));
        }

        parts.AddRange(Key.Select(k => new KeyValuePair<string, object?>(k.FinOps.Name, row.GetValueOrDefault(k.FinOps.Name))));
        return new RowKey(parts);
    }

    /// <summary>The integration key of a Dataverse row, in F&amp;O terms so that it equals the F&amp;O row's.</summary>
    public RowKey KeyOfDataverse(Row row)
    {
        var parts = new List<KeyValuePair<string, object?>>();
        if (Map.CompanySpecific)
        {
            parts.Add(new(FinOpsTable.CompanyField!, (row.GetValueOrDefault(CompanyPath!.ToString()) as string)?.ToLowerInvariant()));
        }

        foreach (var part in Key)
        {
            var value = row.GetValueOrDefault(part.Dataverse.IsLookup ? part.Dataverse.ToString() : part.Dataverse.Column);
            parts.Add(new(part.FinOps.Name, SafeConvert(value, part.DataverseLeaf, part.FinOps)));
        }

        return new RowKey(parts);
    }

    private static object? SafeConvert(object? value, FieldSchema from, FieldSchema to)
    {
        try
        {
            return FieldValues.Convert(value, from, to);
        }
        catch (FieldValueException)
        {
            return value;
        }
    }

    private CompiledMapping Compile(FieldMapping mapping, bool isKey)
    {
        var finOps = mapping.FinOps is null ? null : FinOpsTable.FindField(mapping.FinOps)
            ?? throw new ArgumentException($"{Map.Name}: F&O entity {FinOpsTable.Name} has no field '{mapping.FinOps}'", nameof(mapping));
        FieldSchema? column = null;
        FieldSchema? leaf = null;
        if (mapping.Dataverse is { } path)
        {
            var table = DataverseTable;
            foreach (var segment in path.Segments)
            {
                leaf = table.FindField(segment)
                    ?? throw new ArgumentException($"{Map.Name}: Dataverse table {table.Name} has no column '{segment}' (in {path})", nameof(mapping));
                column ??= leaf;
                if (leaf.Type == FieldType.Lookup && segment != path.Segments[^1])
                {
                    table = dataverseSchema.GetTable(leaf.LookupTarget!);
                }
            }
        }

        var text = MapText.Of(mapping);
        return new CompiledMapping
        {
            Mapping = mapping,
            Text = text,
            FinOps = finOps,
            DataverseColumn = column,
            DataverseLeaf = leaf,
            IsKey = isKey,
            DataverseDefault = mapping.DataverseDefault is { } toDataverse && leaf is not null ? new DefaultValue(FieldValues.FromScalar(leaf, toDataverse.Value)) : null,
            FinOpsDefault = mapping.FinOpsDefault is { } toFinOps && finOps is not null ? new DefaultValue(FieldValues.FromScalar(finOps, toFinOps.Value)) : null,
            Pairs = mapping.ValueMap?.Pairs.Select(p => Pair(p, finOps, leaf)).ToArray(),
            PairDefault = mapping.ValueMap?.Default is { } otherwise ? Pair(otherwise, finOps, leaf) : null,
        };
    }

    private static (object?, object?) Pair(ValueMapPair pair, FieldSchema? finOps, FieldSchema? dataverse) =>
        (finOps is null ? pair.FinOps : FieldValues.FromScalar(finOps, pair.FinOps),
         dataverse is null ? pair.Dataverse : FieldValues.FromScalar(dataverse, pair.Dataverse));

    private bool CompanyLinked(string? company) => company is not null && (companies is null || companies.Contains(company));

    private static bool Same(object? a, object? b) =>
        a is string x && b is string y ? string.Equals(x, y, StringComparison.OrdinalIgnoreCase) : Equals(a, b);

    /// <summary>
    /// The value one mapping carries to its destination: a default where the source has no such field or no value,
    /// the value map read from the source's side, or the value converted to the destination's type.
    /// </summary>
    /// <returns>False when nothing is to be written (the row does not carry the field and there is no default).</returns>
    private static bool TryCarry(
        Row source,
        string? name,
        FieldSchema? from,
        FieldSchema to,
        DefaultValue? fallback,
        IReadOnlyList<(object? FinOps, object? Dataverse)>? pairs,
        Func<(object? FinOps, object? Dataverse), object?> sourceSide,
        Func<(object? FinOps, object? Dataverse), object?> destinationSide,
        (object? FinOps, object? Dataverse)? pairDefault,
        bool full,
        out object? value)
    {
        value = null;
        if (name is null || !source.TryGetValue(name, out var raw))
        {
            // No such field in the source (a "none" mapping, or a row that does not carry it): only a default writes.
            value = fallback?.Value;
            return full && fallback is not null;
        }

        if (raw is null)
        {
            value = fallback?.Value;
            return true;
        }

        if (pairs is not null)
        {
            foreach (var pair in pairs)
            {
                if (Same(sourceSide(pair), raw))
                {
                    value = destinationSide(pair);
                    return true;
                }
            }

            value = pairDefault is { } otherwise
                ? destinationSide(otherwise)
                : throw new FieldValueException($"{FieldValues.Describe(raw, from)} is not in the value map and the map gives no default");
            return true;
        }

        value = FieldValues.Convert(raw, from!, to);
        return true;
    }

    /// <summary>
    /// Whether a row goes through at all: its company is linked, it is inside the source's filter, and (for an
    /// update) the change touched something the map carries or its filter reads. Null when it goes through.
    /// </summary>
    private MapResult? Admit(MapSide side, RowKey key, Row source, IReadOnlyCollection<string>? changed)
    {
        var company = Map.CompanySpecific ? key.Parts[0].Value as string : null;
        if (Map.CompanySpecific && !CompanyLinked(company))
        {
            return Skipped(key, company is null ? "the row has no company" : $"the company '{company}' is not linked");
        }

        if (side.Matches is not null && !side.Matches(source))
        {
            return Skipped(key, "outside " + side.FilterName);
        }

        var touched = changed is null
            || changed.Any(c => side.SourceFields.Contains(c, StringComparer.OrdinalIgnoreCase))
            || (side.Filter is not null && FilterFields(side.Filter).Any(f => changed.Contains(f, StringComparer.OrdinalIgnoreCase)));
        return touched ? null : new MapResult { Outcome = MapOutcome.Unchanged, Key = key };
    }

    private static MapResult Skipped(RowKey key, string reason) => new() { Outcome = MapOutcome.Skipped, Key = key, Reason = reason };

    private static IEnumerable<string> FilterFields(FilterExpression filter) => filter switch
    {
        AndExpression a => FilterFields(a.Left).Concat(FilterFields(a.Right)),
        OrExpression o => FilterFields(o.Left).Concat(FilterFields(o.Right)),
        NotExpression n => FilterFields(n.Operand),
        ComparisonExpression c => [c.Field],
        MatchExpression m => [m.Field],
        _ => [],
    };

    private RowError Error(RowKey? key, CompiledMapping mapping, object? value, FieldSchema? field, string message) =>
        new(Map.Name, key?.ToString() ?? "?", mapping.Text, FieldValues.Describe(value, field), message);
}
