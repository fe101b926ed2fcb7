using System.Globalization;

namespace DualWrite.Environments.Demo;

/// <summary>The rows one demo seed added, per table, in schema order; nothing when the data was already there.</summary>
internal sealed record DemoDataSummary(string Environment, IReadOnlyList<DemoTableCount> Tables)
{
    public int Total => Tables.Sum(t => t.Rows);

    public bool AlreadyPresent => Total == 0;

    public int RowsOf(string table) =>
        Tables.Where(t => string.Equals(t.Table, table, StringComparison.OrdinalIgnoreCase)).Sum(t => t.Rows);

    public override string ToString() =>
        AlreadyPresent
            ? $"{Environment}: demo data already present"
            : $"{Environment}: demo data added: " + string.Join(
                ", ",
                Tables.Where(t => t.Rows > 0).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Rows} {t.Table}")));
}
