namespace DualWrite.Core.Filtering;

public enum MatchKind
{
    Contains,
    StartsWith,
    EndsWith,

    /// <summary>An F&amp;O <c>like</c> pattern: <c>*</c> any run of characters, <c>?</c> any one character.</summary>
    Wildcard,
}
