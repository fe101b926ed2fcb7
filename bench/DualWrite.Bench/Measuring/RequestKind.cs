namespace DualWrite.Bench.Measuring;

/// <summary>What a request does, as far as where the time goes is concerned.</summary>
internal enum RequestKind
{
    /// <summary>GET: pages of rows, rows by key, lookups resolved.</summary>
    Read,

    /// <summary>POST <c>$batch</c>, PATCH: rows written.</summary>
    Write,

    /// <summary>Client-credentials tokens.</summary>
    Token,
}
