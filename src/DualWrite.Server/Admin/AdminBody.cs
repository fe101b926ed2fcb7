using Microsoft.AspNetCore.Http;

namespace DualWrite.Server.Admin;

/// <summary>Bodies read as text, for solution files and maps, whose reader says where they break better than binding would.</summary>
internal static class AdminBody
{
    public static async Task<string> ReadTextAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
