using System.Xml;
using System.Xml.Linq;

namespace DualWrite.Connectors.FinOps;

/// <summary>
/// Finds an entity's key in a CSDL document. The document is streamed and only one EntityType element is held
/// at a time, because the metadata of a full F&amp;O environment runs to many megabytes.
/// </summary>
internal static class CsdlEntityKeys
{
    /// <param name="csdl">The <c>$metadata</c> document.</param>
    /// <param name="entity">An entity set name (<c>CustomersV3</c>) or an entity type name.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The key's property names in order, or null when the document has no such entity or it has no key.</returns>
    public static async Task<IReadOnlyList<string>?> FindAsync(Stream csdl, string entity, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings { Async = true, DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(csdl, settings);
        var types = new Dictionary<string, (IReadOnlyList<string> Key, string? BaseType)>(StringComparer.Ordinal);
        string? schemaNamespace = null;
        string? setType = null;
        await reader.MoveToContentAsync();
        while (!reader.EOF)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "Schema":
                        schemaNamespace = reader.GetAttribute("Namespace");
                        break;
                    case "EntitySet" when reader.GetAttribute("Name") == entity:
                        setType = reader.GetAttribute("EntityType");
                        break;
                    case "EntityType":
                        // ReadFrom leaves the reader on the node after the element, so the loop must not read on.
                        var type = (XElement)await XNode.ReadFromAsync(reader, cancellationToken);
                        Remember(types, type, schemaNamespace);
                        continue;
                }
            }

            await reader.ReadAsync();
        }

        return KeyOf(types, setType ?? entity, depth: 0);
    }

    private static void Remember(Dictionary<string, (IReadOnlyList<string>, string?)> types, XElement type, string? schemaNamespace)
    {
        var name = type.Attribute("Name")?.Value;
        if (name is null)
        {
            return;
        }

        var key = type.Elements().Where(e => e.Name.LocalName == "Key")
            .Elements().Where(e => e.Name.LocalName == "PropertyRef")
            .Select(e => e.Attribute("Name")?.Value)
            .OfType<string>()
            .ToArray();
        var entry = (key, type.Attribute("BaseType")?.Value);
        types[name] = entry;
        if (schemaNamespace is not null)
        {
            types[$"{schemaNamespace}.{name}"] = entry;
        }
    }

    /// <summary>A derived type's key is its base type's, however far down the chain it is declared.</summary>
    private static IReadOnlyList<string>? KeyOf(Dictionary<string, (IReadOnlyList<string> Key, string? BaseType)> types, string name, int depth)
    {
        if (depth > 32 || !types.TryGetValue(name, out var type))
        {
            return null;
        }

        return type.Key.Count > 0 ? type.Key
            : type.BaseType is null ? null
            : KeyOf(types, type.BaseType, depth + 1);
    }
}
