using System.Text.RegularExpressions;
using DualWrite.Core.Filtering;
using DualWrite.Core.Maps;
using DualWrite.Core.Schema;
using DualWrite.Core.Tests.Mapping;
using DualWrite.Core.Tests.Schema;
using DualWrite.Core.Validation;

namespace DualWrite.Core.Tests.Maps;

/// <summary>
/// The solution that ships with the product, <c>solutions/maps/dualwrite-core.json</c>: the standard maps are all
/// there, every field and lookup finds its ends in the shipped environment schemas, and the maps keep the rules
/// a map must keep to be run (keys, company striping, required and read-only columns, types, value maps).
/// </summary>
public sealed class OutOfBoxSolutionTests
{
    private static readonly Lazy<string> SolutionText = new(() => File.ReadAllText(SolutionPath));

    private static readonly string[] StandardMaps =
    [
        "Legal entities", "Currencies", "Terms of payment", "Customer groups", "Customers V3 (accounts)",
        "Customers V3 (contacts)", "Vendor groups", "Vendors V2",
    ];

    public static TheoryData<string> MapNames { get; } = new(StandardMaps);

    private static string SolutionPath => Path.Combine(EnvironmentSchemaFiles.RepositoryRoot, "solutions", "maps", "dualwrite-core.json");

    private static Solution Solution => ShippedSolution.Core;

    private static EnvironmentSchema FinOps => EnvironmentSchemaFiles.FinOps;

    private static EnvironmentSchema Dataverse => EnvironmentSchemaFiles.Dataverse;

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
    public void Every_map_validates_clean_against_the_shipped_schemas()
    {
        Assert.Empty(MapValidator.Validate(Solution, FinOps, Dataverse).Select(f => f.ToString()));
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
}
