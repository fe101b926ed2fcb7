using DualWrite.Core.Maps;

namespace DualWrite.Core.Validation;

internal sealed partial class MapCheck
{
    /// <summary>DIPV1023: an F&amp;O field takes its value from one mapping only.</summary>
    private void CheckDuplicateFinOps()
    {
        var writers = mappings.Where(m => m.WritesFinOps).ToArray();
        for (var j = 0; j < writers.Length; j++)
        {
            var field = writers[j].Mapping.FinOps!;
            var first = writers.Take(j).FirstOrDefault(m => string.Equals(m.Mapping.FinOps, field, IgnoreCase));
            if (first is not null)
            {
                Add(DipvCodes.DuplicateFinOpsField, writers[j].Text,
                    $"F&O field '{field}' is also written by '{first.Text}'; a field takes its value from one mapping, " +
                    "so make one of them one-way to Dataverse (>) or remove it");
            }
        }
    }

    /// <summary>
    /// DIPV1026: a Dataverse column takes its value from one mapping only. Writing a lookup directly and through a
    /// path (or a path and a longer path through it) sets the same column twice, so those clash as well.
    /// </summary>
    private void CheckDuplicateDataverse()
    {
        var writers = mappings.Where(m => m.WritesDataverse).ToArray();
        for (var j = 0; j < writers.Length; j++)
        {
            var path = writers[j].Mapping.Dataverse!;
            var first = writers.Take(j).FirstOrDefault(m => Overlaps(m.Mapping.Dataverse!, path));
            if (first is null)
            {
                continue;
            }

            var other = first.Mapping.Dataverse!;
            var what = other.Equals(path)
                ? $"Dataverse '{path}' is also written by '{first.Text}'"
                : $"Dataverse '{path}' and '{other}' (written by '{first.Text}') both set the lookup '{Shorter(path, other)}'";
            Add(DipvCodes.DuplicateDataverseField, writers[j].Text,
                $"{what}; a column takes its value from one mapping, so make one of them one-way to F&O (<) or remove it");
        }
    }

    private static bool Overlaps(FieldPath a, FieldPath b)
    {
        var shared = Math.Min(a.Segments.Count, b.Segments.Count);
        for (var i = 0; i < shared; i++)
        {
            if (!string.Equals(a.Segments[i], b.Segments[i], IgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static FieldPath Shorter(FieldPath a, FieldPath b) => a.Segments.Count <= b.Segments.Count ? a : b;

    /// <summary>DIPV1010, Dataverse side: a row created in Dataverse must get every required column.</summary>
    private void CheckRequiredDataverse()
    {
        if (dataverseTable is null || !mappings.Any(m => m.Mapping.Carries(SyncDirection.FinOpsToDataverse)))
        {
            return;
        }

        foreach (var column in dataverseTable.Fields.Where(f => f.IsRequired))
        {
            // The primary id is assigned by Dataverse and the company by the runtime, from the row's own company.
            if (string.Equals(column.Name, dataverseTable.PrimaryIdField, IgnoreCase) || string.Equals(column.Name, dataverseTable.CompanyField, IgnoreCase))
            {
                continue;
            }

            var written = mappings.Any(m => m.WritesDataverse
                && string.Equals(m.Mapping.Dataverse!.Column, column.Name, IgnoreCase)
                && (m.Mapping.FinOps is not null || m.Mapping.DataverseDefault is not null));
            if (!written)
            {
                Add(DipvCodes.RequiredFieldNotMapped, column.Name,
                    $"Dataverse column '{column.Name}' of '{dataverseTable.Name}' is required, and no mapping writes it to Dataverse; " +
                    $"map an F&O field to it (= or >), or add 'none > {column.Name}' with a default");
            }
        }
    }

    /// <summary>DIPV1010, F&amp;O side: a row created in F&amp;O must get every required field.</summary>
    private void CheckRequiredFinOps()
    {
        if (finOpsTable is null || !mappings.Any(m => m.Mapping.Carries(SyncDirection.DataverseToFinOps)))
        {
            return;
        }

        foreach (var field in finOpsTable.Fields.Where(f => f.IsRequired))
        {
            if (string.Equals(field.Name, finOpsTable.CompanyField, IgnoreCase))
            {
                continue;
            }

            var written = mappings.Any(m => m.WritesFinOps
                && string.Equals(m.Mapping.FinOps, field.Name, IgnoreCase)
                && (m.Mapping.Dataverse is not null || m.Mapping.FinOpsDefault is not null));
            if (!written)
            {
                Add(DipvCodes.RequiredFieldNotMapped, field.Name,
                    $"F&O field '{field.Name}' of '{finOpsTable.Name}' is required, and no mapping writes it to F&O; " +
                    $"map a Dataverse column to it (= or <), or add '{field.Name} < none' with a default");
            }
        }
    }
}
