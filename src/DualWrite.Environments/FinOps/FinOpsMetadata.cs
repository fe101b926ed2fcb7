using DualWrite.Core.Schema;
using DualWrite.Environments.OData;
using Microsoft.OData.Edm;

namespace DualWrite.Environments.FinOps;

/// <summary>The CSDL of the F&amp;O data entities: entity types with their keys, enums, one container.</summary>
internal sealed class FinOpsMetadata(EnvironmentSchema schema)
{
    public const string Namespace = "Microsoft.Dynamics.DataEntities";

    private readonly Lazy<string> csdl = new(() => CsdlText.Write(Build(schema)));

    public string Csdl => csdl.Value;

    private static EdmModel Build(EnvironmentSchema schema)
    {
        var model = new EdmModel();
        var enums = new Dictionary<string, EdmEnumType>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in schema.Enums)
        {
            var edmEnum = new EdmEnumType(Namespace, type.Name);
            foreach (var member in type.Members)
            {
                edmEnum.AddMember(member.Name, new EdmEnumMemberValue(member.Value));
            }

            model.AddElement(edmEnum);
            enums[type.Name] = edmEnum;
        }

        var container = new EdmEntityContainer(Namespace, "Resources");
        model.AddElement(container);
        foreach (var table in schema.Tables)
        {
            var entity = new EdmEntityType(Namespace, table.Name);
            foreach (var field in table.Fields)
            {
                var nullable = !field.IsRequired && !table.Key.Contains(field.Name);
                _ = field.Type == FieldType.Enum
                    ? entity.AddStructuralProperty(field.Name, new EdmEnumTypeReference(enums[field.Enum!.Name], nullable))
                    : entity.AddStructuralProperty(field.Name, CsdlText.ReferenceOf(field, nullable));
            }

            entity.AddKeys(table.Key.Select(k => (IEdmStructuralProperty)entity.FindProperty(k)));

            model.AddElement(entity);
            container.AddEntitySet(table.EntitySet, entity);
        }

        return model;
    }
}
