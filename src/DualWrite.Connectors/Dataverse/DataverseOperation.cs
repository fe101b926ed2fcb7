namespace DualWrite.Connectors.Dataverse;

/// <summary>What a <see cref="DataverseWrite"/> does to its row.</summary>
public enum DataverseOperation
{
    /// <summary>Creates the row: a POST, or with a key a PATCH that fails when the row exists (<c>If-None-Match: *</c>).</summary>
    Create,

    /// <summary>Creates the row when it is missing and updates it when it is there: a PATCH by key.</summary>
    Upsert,

    /// <summary>Updates the row and fails when it is missing: a PATCH by key with <c>If-Match: *</c>.</summary>
    Update,

    /// <summary>Deletes the row: a DELETE by key.</summary>
    Delete,
}
