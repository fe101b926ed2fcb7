namespace DualWrite.Server.Admin.Problems;

/// <summary>A kind of error the admin API answers with: its type address, title and status.</summary>
internal sealed record AdminProblem(string Slug, string Title, int Status)
{
    public static readonly AdminProblem Unauthenticated = new("unauthenticated", "No valid token", 401);
    public static readonly AdminProblem Forbidden = new("forbidden", "Administrators only", 403);
    public static readonly AdminProblem MapNotFound = new("map-not-found", "No such map", 404);
    public static readonly AdminProblem NotFound = new("not-found", "Not found", 404);
    public static readonly AdminProblem NotLinked = new("not-linked", "Not linked", 404);
    public static readonly AdminProblem BadRequest = new("bad-request", "The request cannot be read", 400);
    public static readonly AdminProblem StateConflict = new("state-conflict", "Not possible in the map's state", 409);
    public static readonly AdminProblem LinkConflict = new("link-refused", "The link refused the request", 409);
    public static readonly AdminProblem SolutionConflict = new("solution-conflict", "The solution cannot change", 409);
    public static readonly AdminProblem BootstrapRefused = new("bootstrap-refused", "The bootstrap cannot start", 422);
    public static readonly AdminProblem ValidationFailed = new("validation-failed", "The maps break validation rules", 422);
    public static readonly AdminProblem Failed = new("runtime-failed", "The runtime failed", 500);

    public Uri Type => new($"https://dualwrite.dev/problems/{Slug}");
}
