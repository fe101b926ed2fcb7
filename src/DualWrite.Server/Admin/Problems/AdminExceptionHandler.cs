using System.Text.Json;
using DualWrite.Core.Maps;
using DualWrite.Runtime.Bootstrap;
using DualWrite.Runtime.Connection;
using DualWrite.Runtime.DataManagement;
using DualWrite.Runtime.Lifecycle;
using DualWrite.Runtime.Reconciliation;
using DualWrite.Runtime.Solutions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DualWrite.Server.Admin.Problems;

/// <summary>
/// The one place where what the runtime refuses becomes an HTTP answer: each refusal its status and problem type,
/// with the runtime's own words as the detail; anything unexpected is logged and answered 500.
/// </summary>
internal sealed class AdminExceptionHandler(ILogger<AdminExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = exception switch
        {
            UnknownMapException e => AdminProblems.Result(AdminProblem.MapNotFound, e.Message),
            NotFoundException e => AdminProblems.Result(e.Problem, e.Message),
            LifecycleException e => AdminProblems.Result(AdminProblem.StateConflict, Sentence(e.Message)),
            MapOrderException e => AdminProblems.Result(AdminProblem.StateConflict, Sentence(e.Message)),
            LinkException e => AdminProblems.Result(AdminProblem.LinkConflict, e.Message),
            SolutionConflictException e => AdminProblems.Result(AdminProblem.SolutionConflict, e.Message),
            SolutionRefusedException e => AdminProblems.Result(AdminProblem.ValidationFailed, e.Message, e.Findings.Select(AdminFinding.From).ToArray()),
            SolutionFormatException e => AdminProblems.Result(AdminProblem.BadRequest, Sentence(e.Message) + " Correct the body and send it again."),
            AdminRequestException e => BadRequest(e.Property, e.Message),
            BootstrapException e => AdminProblems.Result(AdminProblem.BootstrapRefused, Sentence(e.Message)),
            DataManagementCsvException e => AdminProblems.Result(AdminProblem.BootstrapRefused, Sentence(e.Message)),
            ComparisonException e => BadRequest(e.Property, e.Message),
            BadHttpRequestException { InnerException: JsonException json } => BadRequest(json.Path ?? "$", Reason(json)),
            BadHttpRequestException e => AdminProblems.Result(AdminProblem.BadRequest with { Status = e.StatusCode }, Sentence(e.Message)),
            _ => null,
        };
        if (result is null)
        {
            AdminProblemLog.Failed(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            result = AdminProblems.Result(AdminProblem.Failed, "The runtime failed while answering; its log says why. Try again, and if it fails again, look there.");
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    private static IResult BadRequest(string property, string reason) =>
        AdminProblems.Result(
            AdminProblem.BadRequest,
            $"The body cannot be read at {property}: {Sentence(reason)} Correct it and send it again.",
            extensions: new Dictionary<string, object?> { ["property"] = property, ["reason"] = reason });

    /// <summary>The serializer's words without its own path and position, which the property says better.</summary>
    private static string Reason(JsonException json)
    {
        var message = json.Message;
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private static string Sentence(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..].TrimEnd('.') + ".";
}
