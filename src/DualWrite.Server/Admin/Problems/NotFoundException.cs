namespace DualWrite.Server.Admin.Problems;

/// <summary>Something other than a map that the address names and the runtime does not have (404).</summary>
internal sealed class NotFoundException(AdminProblem problem, string message) : Exception(message)
{
    public AdminProblem Problem { get; } = problem;
}
