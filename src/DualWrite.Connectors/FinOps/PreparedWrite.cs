using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Protocols.Batch;

namespace DualWrite.Connectors.FinOps;

/// <summary>A write checked and turned into its batch request, with what its outcome will need.</summary>
/// <param name="Index">Its position in the caller's list; its Content-ID is one more.</param>
/// <param name="Table">The entity written.</param>
/// <param name="Key">The key it addresses, or for a create the key its values give, as far as they give one.</param>
/// <param name="Request">The request to send.</param>
internal sealed record PreparedWrite(int Index, TableSchema Table, RowKey? Key, BatchRequest Request)
{
    public string Describe() => $"#{Index} {Table.EntitySet}({Key})";
}
