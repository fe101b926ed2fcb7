namespace DualWrite.Core.Maps;

/// <summary>
/// A table of F&amp;O values and their Dataverse values, read left to right for rows going to Dataverse and
/// right to left for rows coming back. A value not in the table fails the row, unless <see cref="Default"/>
/// gives the value to use instead (its Dataverse side going one way, its F&amp;O side the other).
/// </summary>
public sealed record ValueMap(IReadOnlyList<ValueMapPair> Pairs, ValueMapPair? Default = null);
