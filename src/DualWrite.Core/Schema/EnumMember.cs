namespace DualWrite.Core.Schema;

public sealed record EnumMember(string Name, int Value);
