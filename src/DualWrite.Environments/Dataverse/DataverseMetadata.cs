using DualWrite.Core.Schema;
using DualWrite.Environments.OData;
using Microsoft.OData.Edm;

namespace DualWrite.Environments.Dataverse;

/// <summary>
/// The CSDL of the Dataverse tables: columns, <c>_name_value</c> properties and single-valued navigation
/// properties for lookups, the system columns, and the primary id as key.
/// </summary>
internal sealed class DataverseMetadata(EnvironmentSchema schema)
{
    public const string Namespace = "Microsoft.Dynamics.CRM";

    private readonly Lazy<string> csdl = new(() => CsdlText.Write(Build(schema)));

    public string Csdl => csdl.Value;

    private static EdmModel Build(EnvironmentSchema schema)
    {
        var model = new EdmModel();
        var types = schema.Tables.ToDictionary(t => t.Name, t => new EdmEntityType(Namespace, t.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var table in schema.Tables)
        {
            var entity = types[table.Name];
            foreach (var field in table.Fields.Where(f => !f.IsSecret))
            {
                var nullable = field.Name != table.PrimaryIdField;
                entity.AddStructuralProperty(DataverseFields.JsonName(field), CsdlText.ReferenceOf(field, nullable));
            }

            entity.AddStructuralProperty(DataverseFields.VersionNumber, EdmPrimitiveTypeKind.Int64, isNullable: false);
            entity.AddStructuralProperty(DataverseFields.CreatedOn, EdmPrimitiveTypeKind.DateTimeOffset, isNullable: false);
            entity.AddStructuralProperty(DataverseFields.ModifiedOn, EdmPrimitiveTypeKind.DateTimeOffset, isNullable: false);
            entity.AddKeys((IEdmStructuralProperty)entity.FindProperty(table.PrimaryIdField!));
            model.AddElement(entity);
        }

        var container = new EdmEntityContainer(Namespace, "System");
        model.AddElement(container);
        var sets = schema.Tables.ToDictionary(t => t.Name, t => container.AddEntitySet(t.EntitySet, types[t.Name]), StringComparer.OrdinalIgnoreCase);
        foreach (var table in schema.Tables)
        {
            foreach (var lookup in table.Fields.Where(f => f.Type == FieldType.Lookup))
            {
                var navigation = types[table.Name].AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
                {
                    Name = lookup.Name,
                    Target = types[lookup.LookupTarget!],
                    TargetMultiplicity = EdmMultiplicity.ZeroOrOne,
                });
                sets[table.Name].AddNavigationTarget(navigation, sets[lookup.LookupTarget!]);
            }
        }

        return model;
    }
}
