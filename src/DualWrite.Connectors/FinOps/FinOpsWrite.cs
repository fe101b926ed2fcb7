using DualWrite.Core.Rows;

namespace DualWrite.Connectors.FinOps;

/// <summary>One create, update or delete of one F&amp;O row, as a part of <see cref="FinOpsClient.WriteAsync"/>.</summary>
/// <param name="Entity">The entity set (<c>CustomersV3</c>).</param>
/// <param name="Operation">What to do with the row.</param>
/// <param name="Key">The full entity key: required for an update or a delete; for a create, any key field it holds that <paramref name="Values"/> lacks is written too.</param>
/// <param name="Values">The fields to set, as typed CLR values (enums by their integer value): required for a create or an update.</param>
public sealed record FinOpsWrite(string Entity, ChangeOperation Operation, RowKey? Key = null, Row? Values = null)
{
    public static FinOpsWrite Create(string entity, Row values) => new(entity, ChangeOperation.Create, null, values);

    public static FinOpsWrite Update(string entity, RowKey key, Row values) => new(entity, ChangeOperation.Update, key, values);

    public static FinOpsWrite Delete(string entity, RowKey key) => new(entity, ChangeOperation.Delete, key);
}
