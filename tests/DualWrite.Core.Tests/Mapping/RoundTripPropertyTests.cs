using System.Globalization;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Core.Tests.Schema;

namespace DualWrite.Core.Tests.Mapping;

/// <summary>
/// For rows generated at random, F&amp;O to Dataverse and back gives every two-way field its original value, for
/// every map of the out-of-box solution.
/// </summary>
public sealed class RoundTripPropertyTests
{
    private const int RowsPerMap = 300;
    private static readonly string[] Companies = ["usmf", "gbsi", "dat"];

    public static TheoryData<string> MapNames => new(ShippedSolution.Core.Maps.Select(m => m.Name));

    [Theory]
    [MemberData(nameof(MapNames))]
    public void Two_way_fields_survive_the_round_trip(string mapName)
    {
        var map = ShippedSolution.Core.FindMap(mapName)!;
        var mapper = new RowMapper(map, EnvironmentSchemaFiles.FinOps, EnvironmentSchemaFiles.Dataverse);
        var random = new Random(mapName.Length * 7919);
        var checkedRows = 0;
        for (var attempt = 0; checkedRows < RowsPerMap && attempt < RowsPerMap * 20; attempt++)
        {
            var original = Generate(map, mapper, random);
            var there = mapper.ToDataverse(original);
            if (there.Outcome == MapOutcome.Skipped)
            {
                continue;
            }

            Assert.True(there.Outcome == MapOutcome.Mapped, $"{mapName}, attempt {attempt}: {string.Join("; ", there.Errors)}");
            var back = mapper.ToFinOps(AsDataverseReadsIt(there));
            Assert.True(back.Outcome == MapOutcome.Mapped, $"{mapName}, attempt {attempt}: {back.Outcome} {back.Reason} {string.Join("; ", back.Errors)}");
            Assert.Equal(mapper.KeyOfFinOps(original), back.Key);
            foreach (var mapping in map.Fields.Where(f => f.Direction == MappingDirection.Both && f.FinOps is not null))
            {
                var field = mapper.FinOpsTable.GetField(mapping.FinOps!);
                Assert.True(
                    Equals(original.GetValueOrDefault(field.Name), back.Values.GetValueOrDefault(field.Name)),
                    $"{mapName}, attempt {attempt}: {MapText.Of(mapping)} went out as {Show(original.GetValueOrDefault(field.Name))} and came back as {Show(back.Values.GetValueOrDefault(field.Name))}");
            }

            checkedRows++;
        }

        Assert.Equal(RowsPerMap, checkedRows);
    }

    /// <summary>The row a Dataverse read returns after the write: the columns, and each lookup expanded to its path.</summary>
    private static Row AsDataverseReadsIt(MapResult written)
    {
        var row = new Row(written.Values);
        foreach (var lookup in written.Lookups)
        {
            Expand(row, lookup.Column, lookup);
        }

        return row;
    }

    private static void Expand(Row row, string prefix, LookupRequest lookup)
    {
        foreach (var condition in lookup.Conditions)
        {
            if (condition.Related is { } related)
            {
                Expand(row, $"{prefix}.{condition.Column}", related);
            }
            else
            {
                row[$"{prefix}.{condition.Column}"] = condition.Value;
            }
        }
    }

    private static Row Generate(TableMap map, RowMapper mapper, Random random)
    {
        var row = new Row();
        if (map.CompanySpecific)
        {
            row[mapper.FinOpsTable.CompanyField!] = Companies[random.Next(Companies.Length)];
        }

        var keyFields = mapper.Key.Select(k => k.FinOps.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var field in mapper.FinOpsTable.Fields.Where(f => f.Name != mapper.FinOpsTable.CompanyField))
        {
            var mappings = map.Fields.Where(m => string.Equals(m.FinOps, field.Name, StringComparison.OrdinalIgnoreCase)).ToArray();
            var isKey = keyFields.Contains(field.Name);
            var nullable = !isKey && mappings.All(m => m.DataverseDefault is null && m.FinOpsDefault is null);
            row[field.Name] = nullable && random.Next(10) == 0 ? null : Value(field, mappings, mapper, random);
        }

        return row;
    }

    private static object? Value(FieldSchema field, FieldMapping[] mappings, RowMapper mapper, Random random)
    {
        var destinations = mappings.Where(m => m.Dataverse is not null).Select(m => Leaf(mapper, m.Dataverse!)).ToArray();
        if (mappings.FirstOrDefault(m => m.ValueMap is not null)?.ValueMap is { } valueMap)
        {
            var pair = valueMap.Pairs[random.Next(valueMap.Pairs.Count)];
            return FieldValues.FromScalar(field, pair.FinOps);
        }

        switch (field.Type)
        {
            case FieldType.String:
                var max = destinations.Select(d => d.MaxLength ?? 60).Append(field.MaxLength ?? 60).Min();
                return Text(random, random.Next(1, Math.Min(max, 24) + 1));
            case FieldType.Integer:
                return (long)random.Next(-1000, 100_000);
            case FieldType.Decimal or FieldType.Money:
                var scale = destinations.Select(d => d.Scale).Append(field.Scale).Append(2).Min();
                return Math.Round((decimal)(random.NextDouble() * 1_000_000), scale);
            case FieldType.Date:
                return new DateOnly(2000, 1, 1).AddDays(random.Next(0, 10_000));
            case FieldType.DateTime:
                return new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.Next());
            case FieldType.Enum:
                var members = field.Enum!.Members
                    .Where(m => destinations.All(d => d.Type != FieldType.Enum || d.Enum!.FindByName(m.Name) is not null))
                    .Where(m => destinations.All(d => d.Type != FieldType.Boolean || m.Value is 0 or 1))
                    .ToArray();
                return members[random.Next(members.Length)].Value;
            case FieldType.Boolean:
                return random.Next(2) == 0;
            default:
                return Guid.NewGuid();
        }
    }

    private static FieldSchema Leaf(RowMapper mapper, FieldPath path)
    {
        var table = mapper.DataverseTable;
        FieldSchema field = null!;
        foreach (var segment in path.Segments)
        {
            field = table.GetField(segment);
            if (field.LookupTarget is { } target)
            {
                table = EnvironmentSchemaFiles.Dataverse.GetTable(target);
            }
        }

        return field;
    }

    private static string Text(Random random, int length)
    {
        const string letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789 -'&";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = letters[random.Next(letters.Length)];
        }

        // Both sides keep text as written, so leading and trailing spaces would survive too; a key must not be blank.
        chars[0] = 'K';
        return new string(chars);
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
