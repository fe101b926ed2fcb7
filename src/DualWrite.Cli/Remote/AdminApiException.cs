using System.Net;
using DualWrite.Cli.Remote.Shapes;

namespace DualWrite.Cli.Remote;

/// <summary>The runtime refused a call: its status and the problem-details body it answered with.</summary>
internal sealed class AdminApiException : Exception
{
    public AdminApiException()
        : this(HttpStatusCode.InternalServerError, new Problem(null, "The runtime refused the call", 500, null, null))
    {
    }

    /// <summary>An answer this client cannot read, as opposed to a refusal: it has no status of its own to show.</summary>
    public AdminApiException(string message)
        : base(message)
    {
        Problem = new Problem(null, message, null, null, null);
    }

    public AdminApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = new Problem(null, message, null, null, null);
    }

    public AdminApiException(HttpStatusCode status, Problem problem)
        : base($"{(int)status} {problem.Title ?? status.ToString()}: {problem.Detail ?? "no detail given"}")
    {
        Status = status;
        Problem = problem with { Status = problem.Status ?? (int)status };
    }

    public HttpStatusCode Status { get; } = HttpStatusCode.InternalServerError;

    public Problem Problem { get; }
}
