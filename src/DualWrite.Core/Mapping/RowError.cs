namespace DualWrite.Core.Mapping;

/// <summary>Why one row could not be mapped: which map, which row, which field, which value.</summary>
/// <param name="Map">The map's name.</param>
/// <param name="Key">The row's integration key, as far as it could be read.</param>
/// <param name="Field">The field mapping, in symbol form (<c>ONHOLDSTATUS = msdyn_onholdstatus</c>).</param>
/// <param name="Value">The value that failed, as a person reads it.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RowError(string Map, string Key, string Field, string Value, string Message)
{
    public override string ToString() => $"{Map} [{Key}]: {Field}: {Message}";
}
