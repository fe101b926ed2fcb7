using DualWrite.Core.Schema;

namespace DualWrite.Environments.Storage;

internal sealed record SortKey(FieldSchema Field, bool Descending = false);
