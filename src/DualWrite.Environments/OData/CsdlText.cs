using System.Text;
using System.Xml;
using DualWrite.Core.Schema;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace DualWrite.Environments.OData;

/// <summary>Writes an EDM model as the CSDL XML a <c>$metadata</c> request returns.</summary>
internal static class CsdlText
{
    public static EdmPrimitiveTypeKind PrimitiveOf(FieldType type) => type switch
    {
        FieldType.String => EdmPrimitiveTypeKind.String,
        FieldType.Integer => EdmPrimitiveTypeKind.Int32,
        FieldType.Decimal or FieldType.Money => EdmPrimitiveTypeKind.Decimal,
        FieldType.Boolean => EdmPrimitiveTypeKind.Boolean,
        FieldType.Date => EdmPrimitiveTypeKind.Date,
        FieldType.DateTime => EdmPrimitiveTypeKind.DateTimeOffset,
        FieldType.Guid or FieldType.Lookup => EdmPrimitiveTypeKind.Guid,
        _ => EdmPrimitiveTypeKind.Int32,
    };

    public static IEdmTypeReference ReferenceOf(FieldSchema field, bool nullable) =>
        field.Type == FieldType.String
            ? EdmCoreModel.Instance.GetString(isUnbounded: field.MaxLength is null, maxLength: field.MaxLength, isUnicode: true, isNullable: nullable)
            : EdmCoreModel.Instance.GetPrimitive(PrimitiveOf(field.Type), nullable);

    public static string Write(IEdmModel model)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            if (!CsdlWriter.TryWriteCsdl(model, xml, CsdlTarget.OData, out IEnumerable<EdmError> errors))
            {
                throw new InvalidOperationException("the metadata cannot be written: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
            }
        }

        return text.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal);
    }
}
