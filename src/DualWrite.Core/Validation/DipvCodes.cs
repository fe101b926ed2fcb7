namespace DualWrite.Core.Validation;

/// <summary>
/// The codes of map validation. The DIPV codes are the original product's, kept so that people who know them
/// (and its documentation) recognise each rule; the solution-level rules have no original code, so they carry
/// codes of their own that cannot be mistaken for one.
/// </summary>
public static class DipvCodes
{
    /// <summary>A global entity or table mapped to a company-specific one, a wrong company flag, or the company mapped as a field.</summary>
    public const string CompanyMismatch = "DIPV1002";

    /// <summary>No integration key, or a key that is not one of the Dataverse table's alternate keys.</summary>
    public const string IntegrationKeyInvalid = "DIPV1003";

    /// <summary>A key field mapped one way in a map that carries values both ways.</summary>
    public const string KeyNotTwoWay = "DIPV1004";

    /// <summary>A required destination field that no mapping writes.</summary>
    public const string RequiredFieldNotMapped = "DIPV1010";

    /// <summary>A read-only destination column written, or a column written through something that is not a lookup.</summary>
    public const string ReadOnlyFieldMapped = "DIPV1011";

    /// <summary>A filter that does not parse or does not fit its table.</summary>
    public const string FilterInvalid = "DIPV1012";

    /// <summary>An integration key column, or an F&amp;O entity key field, with no mapping between them.</summary>
    public const string KeyFieldNotMapped = "DIPV1014";

    /// <summary>A lookup whose mapped columns do not identify a row of the related table.</summary>
    public const string LookupKeyNotMapped = "DIPV1015";

    /// <summary>An F&amp;O entity or field that does not exist.</summary>
    public const string FinOpsFieldNotFound = "DIPV1021";

    /// <summary>An F&amp;O field written by more than one mapping.</summary>
    public const string DuplicateFinOpsField = "DIPV1023";

    /// <summary>A Dataverse table, column or path segment that does not exist.</summary>
    public const string DataverseFieldNotFound = "DIPV1024";

    /// <summary>A Dataverse column or path written by more than one mapping.</summary>
    public const string DuplicateDataverseField = "DIPV1026";

    /// <summary>A value map with the same source value twice.</summary>
    public const string DuplicateValueMapEntry = "DIPV1029";

    /// <summary>Field types that cannot carry values, or a default or value-map value its field cannot hold.</summary>
    public const string TypeMismatch = "DIPV1030";

    /// <summary>A mapping from none with no default, or a mapping with none where a field is needed.</summary>
    public const string DefaultRequired = "DIPV1031";

    /// <summary>A map depends on a map that is not in the solution.</summary>
    public const string UnknownDependency = "DWS001";

    /// <summary>Maps of the solution depend on each other in a cycle.</summary>
    public const string DependencyCycle = "DWS002";

    /// <summary>Two maps of the solution have the same name.</summary>
    public const string DuplicateMapName = "DWS003";
}
