namespace DualWrite.Runtime.Monitoring;

/// <summary>What kind of failure an error log entry records, for alert rules and for whoever reads the log.</summary>
public enum ErrorType
{
    /// <summary>The data: a validation, a lookup that finds nothing, a value the other side refuses.</summary>
    Application,

    /// <summary>The machinery: an environment down, slow past the timeout, or refusing the runtime.</summary>
    System,

    /// <summary>Two changes to the same rows at once; trying again usually works.</summary>
    Concurrency,
}
