using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DualWrite.Server.Admin.Problems;

/// <summary>Problem-details bodies (RFC 9457) of the admin API: every one with a detail a person can act on and its findings.</summary>
internal static class AdminProblems
{
    public static IResult Result(AdminProblem problem, string detail, IReadOnlyList<AdminFinding>? findings = null, IDictionary<string, object?>? extensions = null)
    {
        var details = new ProblemDetails
        {
            Type = problem.Type.AbsoluteUri,
            Title = problem.Title,
            Status = problem.Status,
            Detail = detail,
        };
        details.Extensions["findings"] = findings ?? [];
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            details.Extensions[name] = value;
        }

        return TypedResults.Problem(details);
    }
}
