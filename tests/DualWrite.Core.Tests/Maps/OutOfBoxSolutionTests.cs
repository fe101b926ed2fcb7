using System.Text.RegularExpressions;
using DualWrite.Core.Filtering;
using DualWrite.Core.Maps;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Tests.Maps;

/// <summary>
/// The solution that ships with the product, <c>solutions/maps/dualwrite-core.json</c>: the standard maps are all
/// there, every field and lookup finds its ends in the shipped environment schemas, and the maps keep the rules
/// a map must keep to be run (keys, company striping, required and read-only columns, types, value maps).
/// </summary>
public sealed partial class OutOfBoxSolutionTests
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);
    private static readonly Lazy<string> SolutionText = new(() => File.ReadAllText(SolutionPath));
    private static readonly Lazy<Solution> Shipped = new(() => SolutionReader.Parse(SolutionText.Value, SolutionPath));
    private static readonly Lazy<EnvironmentSchema> FinOpsSchema = new(() => ReadSchema("finops.json"));
    private static readonly Lazy<EnvironmentSchema> DataverseSchema = new(() => ReadSchema("dataverse.json"));

    private static readonly string[] StandardMaps =
    [
        "Legal entities", "Currencies", "Terms of payment", "Customer groups", "Customers V3 (accounts)",
        "Customers V3 (contacts)", "Vendor groups", "Vendors V2",
    ];

    public static TheoryData<string> MapNames { get; } = new(StandardMaps);

    private static string SolutionPath => Path.Combine(Root.Value, "solutions", "maps", "dualwrite-core.json");

    private static Solution Solution => Shipped.Value;

    private static EnvironmentSchema FinOps => FinOpsSchema.Value;

    private static EnvironmentSchema Dataverse => DataverseSchema.Value;

    [Fact]
    public void The_solution_is_named_published_and_versioned()
    {
        Assert.Equal("DualWriteCore", Solution.Name);
        Assert.Equal("dualwrite", Solution.Publisher);
        Assert.Equal(new FourPartVersion(1, 0, 0, 0), Solution.Version);
        Assert.False(string.IsNullOrWhiteSpace(Solution.Description));
    }

    [Fact]
    public void Holds_exactly_the_standard_maps()
    {
        Assert.Equal(StandardMaps.Order(), Solution.Maps.Select(m => m.Name).Order());
    }

    [Theory]
    [InlineData("Legal entities", "LegalEntities", "cdm_companies", false, "cdm_companycode")]
    [InlineData("Currencies", "Currencies", "transactioncurrencies", false, "isocurrencycode")]
    [InlineData("Terms of payment", "PaymentTerms", "msdyn_paymentterms", true, "msdyn_name")]
    [InlineData("Customer groups", "CustomerGroups", "msdyn_customergroups", true, "msdyn_groupid")]
    [InlineData("Customers V3 (accounts)", "CustomersV3", "accounts", true, "accountnumber")]
    [InlineData("Customers V3 (contacts)", "CustomersV3", "contacts", true, "msdyn_contactpersonid")]
    [InlineData("Vendor groups", "VendorGroups", "msdyn_vendorgroups", true, "msdyn_vendorgroup")]
    [InlineData("Vendors V2", "VendorsV2", "msdyn_vendors", true, "msdyn_vendoraccountnumber")]
    public void Pairs_the_standard_entity_and_table_by_the_standard_key(
        string name, string entity, string table, bool companySpecific, string key)
    {
        var map = Map(name);

        Assert.Equal(entity, map.FinOpsEntity);
        Assert.Equal(table, map.DataverseTable);
        Assert.Equal(companySpecific, map.CompanySpecific);
        Assert.Equal([key], map.IntegrationKey.Select(k => k.ToString()));
        Assert.Equal(new FourPartVersion(1, 0, 0, 0), map.Version);
    }

    [Theory]
    [InlineData("Legal entities", "")]
    [InlineData("Currencies", "")]
    [InlineData("Terms of payment", "Legal entities")]
    [InlineData("Customer groups", "Legal entities|Terms of payment")]
    [InlineData("Customers V3 (accounts)", "Legal entities|Currencies|Customer groups|Terms of payment")]
    [InlineData("Customers V3 (contacts)", "Legal entities|Currencies|Customer groups|Terms of payment")]
    [InlineData("Vendor groups", "Legal entities|Terms of payment")]
    [InlineData("Vendors V2", "Legal entities|Currencies|Vendor groups|Terms of payment")]
    public void Depends_on_the_maps_that_fill_its_lookups(string name, string dependencies)
    {
        var map = Map(name);

        Assert.Equal(dependencies.Split('|', StringSplitOptions.RemoveEmptyEntries).Order(), map.DependsOn.Order());
        Assert.All(map.DependsOn, d => Assert.NotNull(Solution.FindMap(d)));
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void Every_table_a_lookup_reaches_is_filled_by_the_map_itself_or_a_map_it_depends_on(string name)
    {
        var map = Map(name);
        var filled = map.DependsOn.Select(Map).Append(map).Select(m => DataverseTable(m).Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var company = DataverseTable(map).CompanyField;

        foreach (var path in map.Fields.Select(f => f.Dataverse).OfType<FieldPath>().Where(p => p.IsLookup))
        {
            var owner = DataverseTable(map);
            foreach (var hop in path.Segments.SkipLast(1))
            {
                var target = owner.GetField(hop).LookupTarget!;
                Assert.True(filled.Contains(target), $"{name}: {path} reaches {target}, which no map it depends on fills");
                owner = Dataverse.GetTable(target);
            }
        }

        Assert.True(company is null || map.DependsOn.Contains("Legal entities"), $"{name} is striped by company but does not depend on Legal entities");
    }

    [Fact]
    public void Dependencies_have_no_cycles()
    {
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var visiting = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Visit(TableMap map)
        {
            Assert.True(visiting.Add(map.Name), $"{map.Name} depends on itself through its dependencies");
            foreach (var dependency in map.DependsOn.Select(Map).Where(d => !done.Contains(d.Name)))
            {
                Visit(dependency);
            }

            visiting.Remove(map.Name);
            done.Add(map.Name);
        }

        foreach (var map in Solution.Maps)
        {
            Visit(map);
        }
    }

    [Theory]
    [InlineData("Legal entities", null, null)]
    [InlineData("Currencies", "((CURRENCYCODE != \"999\"))", null)]
    [InlineData("Terms of payment", null, null)]
    [InlineData("Customer groups", null, null)]
    [InlineData("Customers V3 (accounts)", "((PartyType == \"Organization\"))", "customertypecode eq 3")]
    [InlineData("Customers V3 (contacts)", "((PartyType == \"Person\"))", "msdyn_sellable eq true and msdyn_contactpersonid ne ''")]
    [InlineData("Vendor groups", null, null)]
    [InlineData("Vendors V2", null, null)]
    public void Filters_each_side_as_the_standard_map_does(string name, string? finOpsFilter, string? dataverseFilter)
    {
        var map = Map(name);

        Assert.Equal(finOpsFilter, map.FinOpsFilter);
        Assert.Equal(dataverseFilter, map.DataverseFilter);
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void A_dataverse_filter_parses_and_names_columns_of_the_table(string name)
    {
        var map = Map(name);
        if (map.DataverseFilter is null)
        {
            return;
        }

        var table = DataverseTable(map);
        foreach (var column in Columns(ODataFilterParser.Parse(map.DataverseFilter)))
        {
            Assert.True(table.FindField(column) is not null, $"{name}: the Dataverse filter names '{column}', which {table.Name} does not have");
        }
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void A_finops_filter_is_balanced_and_names_fields_of_the_entity(string name)
    {
        var map = Map(name);
        if (map.FinOpsFilter is null)
        {
            return;
        }

        var entity = FinOpsTable(map);
        var outsideQuotes = QuotedText().Replace(map.FinOpsFilter, "\"\"");
        Assert.Equal(outsideQuotes.Count(c => c == '('), outsideQuotes.Count(c => c == ')'));
        var comparisons = RangeComparison().Matches(outsideQuotes);
        Assert.NotEmpty(comparisons);
        foreach (var field in comparisons.Select(c => c.Groups["field"].Value))
        {
            Assert.True(entity.FindField(field) is not null, $"{name}: the F&O filter names '{field}', which {entity.Name} does not have");
        }
    }

    [Theory]
    [InlineData("Legal entities", "LEGALENTITYID = cdm_companycode")]
    [InlineData("Legal entities", "NAME = cdm_name")]
    [InlineData("Currencies", "CURRENCYCODE = isocurrencycode")]
    [InlineData("Currencies", "NAME = currencyname")]
    [InlineData("Currencies", "SYMBOL = currencysymbol")]
    [InlineData("Currencies", "none >> exchangerate  [default 1]")]
    [InlineData("Terms of payment", "NAME = msdyn_name")]
    [InlineData("Customer groups", "CUSTOMERGROUPID = msdyn_groupid")]
    [InlineData("Customer groups", "PAYMENTTERMID = msdyn_paymenttermid.msdyn_name")]
    [InlineData("Customers V3 (accounts)", "CUSTOMERACCOUNT = accountnumber")]
    [InlineData("Customers V3 (accounts)", "none >> customertypecode  [default 3]")]
    [InlineData("Customers V3 (accounts)", "PARTYTYPE << none  [default 'Organization']")]
    [InlineData("Customers V3 (accounts)", "ORGANIZATIONNAME = name")]
    [InlineData("Customers V3 (accounts)", "CUSTOMERGROUPID = msdyn_customergroupid.msdyn_groupid")]
    [InlineData("Customers V3 (accounts)", "SALESCURRENCYCODE = transactioncurrencyid.isocurrencycode")]
    [InlineData("Customers V3 (accounts)", "PAYMENTTERMS = msdyn_paymentterm.msdyn_name")]
    [InlineData("Customers V3 (accounts)", "INVOICEACCOUNT = msdyn_billingaccount.accountnumber")]
    [InlineData("Customers V3 (accounts)", "ONHOLDSTATUS = msdyn_onholdstatus")]
    [InlineData("Customers V3 (accounts)", "ISONETIMECUSTOMER = msdyn_onetimecustomer")]
    [InlineData("Customers V3 (contacts)", "CUSTOMERACCOUNT = msdyn_contactpersonid")]
    [InlineData("Customers V3 (contacts)", "none >> msdyn_sellable  [default true]")]
    [InlineData("Customers V3 (contacts)", "PARTYTYPE << none  [default 'Person']")]
    [InlineData("Customers V3 (contacts)", "PERSONLASTNAME = lastname")]
    [InlineData("Customers V3 (contacts)", "CUSTOMERGROUPID = msdyn_customergroupid.msdyn_groupid")]
    [InlineData("Vendor groups", "VENDORGROUPID = msdyn_vendorgroup")]
    [InlineData("Vendors V2", "VENDORACCOUNTNUMBER = msdyn_vendoraccountnumber")]
    [InlineData("Vendors V2", "VENDORGROUPID = msdyn_vendorgroupid.msdyn_vendorgroup")]
    [InlineData("Vendors V2", "CURRENCYCODE = msdyn_currencycode.isocurrencycode")]
    public void Carries_the_standard_mapping(string name, string mapping)
    {
        Assert.Contains(mapping, Map(name).Fields.Select(MapText.Of));
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void Every_finops_field_exists_in_the_entity(string name)
    {
        var map = Map(name);
        var entity = FinOpsTable(map);

        Assert.All(
            map.Fields.Where(f => f.FinOps is not null),
            f => Assert.True(entity.FindField(f.FinOps!) is not null, $"{name}: {entity.Name} has no field '{f.FinOps}'"));
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void Every_dataverse_column_and_lookup_path_resolves(string name)
    {
        var map = Map(name);

        Assert.All(map.Fields.Select(f => f.Dataverse).OfType<FieldPath>(), path => Resolve(map, path));
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void A_lookup_path_ends_in_the_whole_alternate_key_of_the_row_it_reaches(string name)
    {
        var map = Map(name);

        foreach (var path in map.Fields.Select(f => f.Dataverse).OfType<FieldPath>().Where(p => p.IsLookup))
        {
            var (owner, column) = Resolve(map, path);
            var covered = new[] { column.Name, owner.CompanyField }.OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.True(
                owner.AlternateKeys.Any(k => k.Fields.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(covered)),
                $"{name}: {path} does not give the whole of an alternate key of {owner.Name}");
        }
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void The_company_is_striped_on_both_sides_and_never_mapped_as_a_field(string name)
    {
        var map = Map(name);
        var entity = FinOpsTable(map);
        var table = DataverseTable(map);

        Assert.Equal(map.CompanySpecific, entity.IsCompanySpecific);
        Assert.Equal(map.CompanySpecific, table.IsCompanySpecific);
        Assert.DoesNotContain(map.Fields, f => entity.CompanyField is { } c && string.Equals(f.FinOps, c, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(map.Fields, f => table.CompanyField is { } c && string.Equals(f.Dataverse?.Column, c, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(map.IntegrationKey, k => table.CompanyField is { } c && string.Equals(k.Column, c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void The_integration_key_is_an_alternate_key_mapped_both_ways_from_the_entity_key(string name)
    {
        var map = Map(name);
        var entity = FinOpsTable(map);
        var table = DataverseTable(map);
        var key = map.IntegrationKey.Select(k => k.ToString()).Append(table.CompanyField).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Contains(table.AlternateKeys, k => k.Fields.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(key));
        foreach (var column in map.IntegrationKey)
        {
            var mapping = Assert.Single(map.Fields, f => column.Equals(f.Dataverse));
            Assert.Equal(MappingDirection.Both, mapping.Direction);
            Assert.NotNull(mapping.FinOps);
        }

        foreach (var field in entity.Key.Where(k => !string.Equals(k, entity.CompanyField, StringComparison.OrdinalIgnoreCase)))
        {
            Assert.Contains(map.Fields, f => string.Equals(f.FinOps, field, StringComparison.OrdinalIgnoreCase) && map.IntegrationKey.Contains(f.Dataverse));
        }
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void Every_required_writable_dataverse_column_is_filled(string name)
    {
        var map = Map(name);
        var table = DataverseTable(map);
        var filled = Destinations(map, SyncDirection.FinOpsToDataverse);

        foreach (var column in table.Fields.Where(c => c.IsRequired && c.IsValidForCreate))
        {
            if (column.Name == table.CompanyField || column.Name == table.PrimaryIdField)
            {
                continue;
            }

            Assert.True(filled.Contains(column.Name), $"{name}: {table.Name}.{column.Name} is required and nothing writes it");
        }
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void Every_required_finops_field_is_filled_where_the_map_writes_to_finops(string name)
    {
        var map = Map(name);
        var entity = FinOpsTable(map);
        var filled = Destinations(map, SyncDirection.DataverseToFinOps);
        if (filled.Count == 0)
        {
            return;
        }

        foreach (var field in entity.Fields.Where(f => f.IsRequired && f.Name != entity.CompanyField))
        {
            Assert.True(filled.Contains(field.Name), $"{name}: {entity.Name}.{field.Name} is required and nothing writes it");
        }
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void No_read_only_column_is_written(string name)
    {
        var map = Map(name);
        var table = DataverseTable(map);

        foreach (var mapping in map.Fields.Where(f => f.Dataverse is not null && f.Carries(SyncDirection.FinOpsToDataverse)))
        {
            var column = table.GetField(mapping.Dataverse!.Column);
            Assert.True(column.IsValidForCreate && column.IsValidForUpdate, $"{name}: {table.Name}.{column.Name} is read-only");
        }
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void No_destination_is_written_by_two_mappings(string name)
    {
        var map = Map(name);

        foreach (var direction in new[] { SyncDirection.FinOpsToDataverse, SyncDirection.DataverseToFinOps })
        {
            var destinations = map.Fields
                .Where(f => f.Carries(direction))
                .Select(f => direction == SyncDirection.FinOpsToDataverse ? f.Dataverse?.Column : f.FinOps)
                .OfType<string>()
                .ToArray();
            Assert.Equal(destinations.Length, destinations.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void Every_mapping_has_a_source_or_a_default_for_each_way_it_carries(string name)
    {
        foreach (var mapping in Map(name).Fields)
        {
            Assert.False(mapping.FinOps is null && mapping.Dataverse is null, $"{name}: a mapping names neither side");
            if (mapping.FinOps is null)
            {
                Assert.Equal(MappingDirection.ToDataverse, mapping.Direction);
                Assert.NotNull(mapping.DataverseDefault);
            }

            if (mapping.Dataverse is null)
            {
                Assert.Equal(MappingDirection.ToFinOps, mapping.Direction);
                Assert.NotNull(mapping.FinOpsDefault);
            }
        }
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void Defaults_are_values_of_the_field_they_fill(string name)
    {
        var map = Map(name);

        foreach (var mapping in map.Fields)
        {
            if (mapping.DataverseDefault is { } toDataverse)
            {
                var (_, column) = Resolve(map, mapping.Dataverse!);
                Assert.NotNull(FieldValues.FromScalar(column, toDataverse.Value));
            }

            if (mapping.FinOpsDefault is { } toFinOps)
            {
                Assert.NotNull(FieldValues.FromScalar(FinOpsTable(map).GetField(mapping.FinOps!), toFinOps.Value));
            }
        }
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void Types_agree_each_way_a_value_travels(string name)
    {
        var map = Map(name);

        foreach (var mapping in map.Fields.Where(f => f.FinOps is not null && f.Dataverse is not null && f.ValueMap is null))
        {
            var finOps = FinOpsTable(map).GetField(mapping.FinOps!);
            var (_, dataverse) = Resolve(map, mapping.Dataverse!);
            if (mapping.Carries(SyncDirection.FinOpsToDataverse))
            {
                Assert.True(Converts(finOps, dataverse), $"{name}: {MapText.Of(mapping)}: {finOps.Type} does not go into {dataverse.Type}");
            }

            if (mapping.Carries(SyncDirection.DataverseToFinOps))
            {
                Assert.True(Converts(dataverse, finOps), $"{name}: {MapText.Of(mapping)}: {dataverse.Type} does not go into {finOps.Type}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(MapNames))]
    public void Value_maps_pair_valid_values_once_and_cover_every_member_they_receive(string name)
    {
        var map = Map(name);

        foreach (var mapping in map.Fields.Where(f => f.ValueMap is not null))
        {
            var valueMap = mapping.ValueMap!;
            var finOps = FinOpsTable(map).GetField(mapping.FinOps!);
            var (_, dataverse) = Resolve(map, mapping.Dataverse!);
            var finOpsValues = valueMap.Pairs.Select(p => FieldValues.FromScalar(finOps, p.FinOps)).ToArray();
            var dataverseValues = valueMap.Pairs.Select(p => FieldValues.FromScalar(dataverse, p.Dataverse)).ToArray();
            if (valueMap.Default is { } otherwise)
            {
                FieldValues.FromScalar(finOps, otherwise.FinOps);
                FieldValues.FromScalar(dataverse, otherwise.Dataverse);
            }

            Assert.Equal(finOpsValues.Length, finOpsValues.Distinct().Count());
            Assert.Equal(dataverseValues.Length, dataverseValues.Distinct().Count());
            if (mapping.Carries(SyncDirection.FinOpsToDataverse) && valueMap.Default is null)
            {
                Assert.Equal(AllValues(finOps).Order(), finOpsValues.OrderBy(v => v));
            }

            if (mapping.Carries(SyncDirection.DataverseToFinOps) && valueMap.Default is null)
            {
                Assert.Equal(AllValues(dataverse).Order(), dataverseValues.OrderBy(v => v));
            }
        }
    }

    [Fact]
    public void Writing_the_solution_and_reading_it_back_gives_the_same_text()
    {
        var written = SolutionWriter.Write(Solution);
        var again = SolutionWriter.Write(SolutionReader.Parse(written, "written"));

        Assert.Equal(written, again);
        Assert.Equal(written, SolutionText.Value.ReplaceLineEndings("\n"));
    }

    private static IEnumerable<object?> AllValues(FieldSchema field) => field.Type switch
    {
        FieldType.Enum => field.Enum!.Members.Select(m => (object?)m.Value),
        FieldType.Boolean => [false, true],
        _ => throw new InvalidOperationException($"'{field.Name}' is a {field.Type} field: its values cannot all be listed"),
    };

    // Options sets and enums must agree member by member: a member without a namesake fails every row that holds it.
    private static bool Converts(FieldSchema from, FieldSchema to) =>
        FieldValues.CanConvert(from, to)
        && (from.Type != FieldType.Enum || to.Type != FieldType.Enum || from.Enum!.Members.All(m => to.Enum!.FindByName(m.Name) is not null));

    private static HashSet<string> Destinations(TableMap map, SyncDirection direction) =>
        map.Fields
            .Where(f => f.Carries(direction))
            .Select(f => direction == SyncDirection.FinOpsToDataverse ? f.Dataverse?.Column : f.FinOps)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> Columns(FilterExpression filter) => filter switch
    {
        ComparisonExpression c => [c.Field],
        MatchExpression m => [m.Field],
        AndExpression a => Columns(a.Left).Concat(Columns(a.Right)),
        OrExpression o => Columns(o.Left).Concat(Columns(o.Right)),
        NotExpression n => Columns(n.Operand),
        _ => throw new InvalidOperationException($"unexpected filter part {filter}"),
    };

    private static (TableSchema Owner, FieldSchema Column) Resolve(TableMap map, FieldPath path)
    {
        var owner = DataverseTable(map);
        foreach (var hop in path.Segments.SkipLast(1))
        {
            var lookup = owner.FindField(hop);
            Assert.True(lookup is not null, $"{map.Name}: {owner.Name} has no column '{hop}' (in {path})");
            Assert.True(lookup.Type == FieldType.Lookup, $"{map.Name}: {owner.Name}.{hop} is not a lookup (in {path})");
            owner = Dataverse.GetTable(lookup.LookupTarget!);
        }

        var column = owner.FindField(path.Segments[^1]);
        Assert.True(column is not null, $"{map.Name}: {owner.Name} has no column '{path.Segments[^1]}' (in {path})");
        return (owner, column);
    }

    private static TableMap Map(string name) =>
        Solution.FindMap(name) ?? throw new Xunit.Sdk.XunitException($"the solution has no map '{name}'");

    private static TableSchema FinOpsTable(TableMap map) =>
        FinOps.FindByEntitySet(map.FinOpsEntity) ?? throw new Xunit.Sdk.XunitException($"{map.Name}: F&O has no entity '{map.FinOpsEntity}'");

    private static TableSchema DataverseTable(TableMap map) =>
        Dataverse.FindByEntitySet(map.DataverseTable) ?? throw new Xunit.Sdk.XunitException($"{map.Name}: Dataverse has no entity set '{map.DataverseTable}'");

    private static EnvironmentSchema ReadSchema(string fileName)
    {
        var path = Path.Combine(Root.Value, "solutions", "environments", fileName);
        return SchemaReader.Parse(File.ReadAllText(path), path);
    }

    // The tests run from bin/<configuration>/<framework>; the checkout is the folder above that holds the solution file.
    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DualWrite.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DualWrite.slnx above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedText();

    // A field compared in a query range: (Field == value), (Field like "A*"), (Field <= 23\06\2021).
    [GeneratedRegex(@"(?<field>[A-Za-z_][A-Za-z0-9_]*)\s*(==|!=|<=|>=|<|>|\blike\b)")]
    private static partial Regex RangeComparison();
}
