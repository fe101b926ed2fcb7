using System.Security.Cryptography;
using System.Text;

namespace DualWrite.Environments.Dataverse;

/// <summary>Ids of system rows and metadata that stay the same from one start to the next, as the real service's do.</summary>
internal static class StableIds
{
    public static Guid For(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
