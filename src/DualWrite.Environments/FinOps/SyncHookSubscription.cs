namespace DualWrite.Environments.FinOps;

/// <summary>A subscriber called inside every transaction that changes one of its entities.</summary>
/// <param name="Id">The subscription's id.</param>
/// <param name="Entities">Entity names, or <c>*</c> for all.</param>
/// <param name="Url">Where the transaction's changes are posted.</param>
/// <param name="Secret">Sent with every call so the subscriber can tell the environment from others.</param>
/// <param name="OwnerClientId">The principal that registered it; its own writes do not fire it.</param>
/// <param name="OwnerUserId">That principal's user id.</param>
internal sealed record SyncHookSubscription(Guid Id, IReadOnlyList<string> Entities, string Url, string Secret, string OwnerClientId, Guid OwnerUserId)
{
    public bool Covers(string entity) =>
        Entities.Any(e => e == "*" || string.Equals(e, entity, StringComparison.OrdinalIgnoreCase));

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"{Id} → {Url}";
}
