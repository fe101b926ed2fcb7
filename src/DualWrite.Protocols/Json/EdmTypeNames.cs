using DualWrite.Core.Schema;

namespace DualWrite.Protocols.Json;

public static class EdmTypeNames
{
    public static string Of(FieldType type) => type switch
    {
        FieldType.String => "Edm.String",
        FieldType.Integer => "Edm.Int32",
        FieldType.Decimal or FieldType.Money => "Edm.Decimal",
        FieldType.Boolean => "Edm.Boolean",
        FieldType.Date => "Edm.Date",
        FieldType.DateTime => "Edm.DateTimeOffset",
        FieldType.Guid or FieldType.Lookup => "Edm.Guid",
        _ => "Edm.Int32",
    };
}
