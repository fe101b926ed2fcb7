namespace DualWrite.Core.Schema;

/// <summary>An F&amp;O enum (addressed by member name) or a Dataverse option set (addressed by value).</summary>
public sealed class EnumType
{
    private readonly Dictionary<string, EnumMember> byName;
    private readonly Dictionary<int, EnumMember> byValue;

    public EnumType(string name, IReadOnlyList<EnumMember> members)
    {
        Name = name;
        Members = members;
        byName = new Dictionary<string, EnumMember>(StringComparer.OrdinalIgnoreCase);
        byValue = [];
        foreach (var member in members)
        {
            if (!byName.TryAdd(member.Name, member) || !byValue.TryAdd(member.Value, member))
            {
                throw new SchemaException($"enum '{name}' has member '{member.Name}' ({member.Value}) twice");
            }
        }
    }

    public string Name { get; }

    public IReadOnlyList<EnumMember> Members { get; }

    public EnumMember? FindByName(string name) => byName.GetValueOrDefault(name);

    public EnumMember? FindByValue(int value) => byValue.GetValueOrDefault(value);
}
