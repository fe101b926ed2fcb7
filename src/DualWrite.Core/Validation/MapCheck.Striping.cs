using DualWrite.Core.Schema;

namespace DualWrite.Core.Validation;

internal sealed partial class MapCheck
{
    /// <summary>DIPV1002: company-specific maps to company-specific, global to global, and the map's flag says which.</summary>
    private void CheckStriping()
    {
        var finOps = finOpsTable?.IsCompanySpecific;
        var dataverse = dataverseTable?.IsCompanySpecific;
        if (finOps is { } f && dataverse is { } d && f != d)
        {
            Add(DipvCodes.CompanyMismatch, null,
                $"F&O entity '{finOpsTable!.Name}' is {Striping(finOpsTable)} but Dataverse table '{dataverseTable!.Name}' is {Striping(dataverseTable)}: " +
                "a company-specific entity maps only to a company-specific table, and a global one only to a global table");
        }
        else if ((finOps ?? dataverse) is { } tables && tables != map.CompanySpecific)
        {
            var names = string.Join(" and ", new[] { finOpsTable?.Name, dataverseTable?.Name }.OfType<string>().Select(n => $"'{n}'"));
            Add(DipvCodes.CompanyMismatch, null, map.CompanySpecific
                ? $"the map is marked company-specific, but {names} {(finOps is null || dataverse is null ? "is" : "are")} global (no company field); " +
                  "mark the map global"
                : $"the map is marked global, but {names} {(finOps is null || dataverse is null ? "is" : "are")} company-specific; " +
                  "mark the map company-specific so that the company is part of its key");
        }

        // The runtime reads and writes a row's company through this lookup, by the company table's key.
        if (map.CompanySpecific && dataverseTable?.CompanyField is { } company)
        {
            var lookup = dataverseTable.GetField(company);
            var target = lookup.Type == FieldType.Lookup ? dataverseSchema.FindTable(lookup.LookupTarget!) : null;
            if (target is not { AlternateKeys.Count: > 0 })
            {
                Add(DipvCodes.CompanyMismatch, null,
                    $"the company field '{lookup.Name}' of Dataverse table '{dataverseTable.Name}' is not a lookup to a company table with an alternate key, " +
                    "so rows cannot be matched to companies");
            }
        }
    }

    /// <summary>DIPV1002: in a company-specific map the company is part of the key, carried by the runtime, never a mapped field.</summary>
    private void CheckCompanyMapped(ResolvedMapping mapping)
    {
        if (!map.CompanySpecific)
        {
            return;
        }

        var sides = new List<string>();
        if (mapping.Mapping.FinOps is { } finOps && string.Equals(finOps, FinOpsCompanyField, IgnoreCase))
        {
            sides.Add($"F&O '{finOps}'");
        }

        if (mapping.Mapping.Dataverse is { } path && string.Equals(path.Column, DataverseCompanyField, IgnoreCase))
        {
            sides.Add($"Dataverse '{path}'");
        }

        if (sides.Count > 0)
        {
            Add(DipvCodes.CompanyMismatch, mapping.Text,
                $"the map is company-specific, so the company ({string.Join(" and ", sides)}) is part of the integration key and is carried by the runtime; " +
                "remove this mapping");
        }
    }

    private static string Striping(TableSchema table) =>
        table.CompanyField is { } company ? $"company-specific (by {company})" : "global";
}
