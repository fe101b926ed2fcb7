using DualWrite.Core.Schema;

namespace DualWrite.Connectors.Dataverse;

/// <summary>One lookup to expand and the related row's columns to bring back, each named by its path.</summary>
/// <param name="Lookup">The lookup column of the table read.</param>
/// <param name="Target">The table it points at.</param>
/// <param name="Columns">The related columns, with the path (<c>msdyn_company.cdm_companycode</c>) the row carries each under.</param>
internal sealed record ExpandedLookup(FieldSchema Lookup, TableSchema Target, IReadOnlyList<(string Path, FieldSchema Column)> Columns)
{
    /// <summary><c>msdyn_company($select=cdm_companycode)</c>.</summary>
    public string QueryText =>
        $"{Lookup.Name}($select={string.Join(",", Columns.Select(c => ColumnNames.JsonName(Target, c.Column.Name)).Distinct(StringComparer.Ordinal))})";
}
