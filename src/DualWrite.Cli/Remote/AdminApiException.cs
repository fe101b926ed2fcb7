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

    public AdminApiException(string message)
        : this(HttpStatusCode.InternalServerError, new Problem(null, message, 500, null, null))
    {
    }

    public AdminApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = new Problem(null, message, 500, null, null);
    }

    public AdminApiException(HttpStatusCode status, Problem problem)
        : base($"{(int)status} {problem.Title ?? status.ToString()}: {problem.Detail ?? "no detail given"}")
    {
        Status = status;
        Problem = problem;
    }

    public HttpStatusCode Status { get; } = HttpStatusCode.InternalServerError;

    public Problem Problem { get; }
}
