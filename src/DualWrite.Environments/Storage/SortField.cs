using DualWrite.Core.Schema;

namespace DualWrite.Environments.Storage;

internal sealed record SortField(FieldSchema Field, bool Descending = false);
