using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace DualWrite.Server.Admin.Auth;

/// <summary>
/// The admin API's tokens, kept in <c>credentials.json</c> beside the runtime's store, readable by its owner only.
/// A file that exists keeps its tokens; the runtime's address in it is brought up to date on every start.
/// </summary>
internal sealed class AdminCredentials
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly List<(AdminUser User, byte[] Token)> users;

    private AdminCredentials(string path, IReadOnlyList<AdminUser> users)
    {
        Path = path;
        this.users = users.Select(u => (u, Encoding.UTF8.GetBytes(u.Token))).ToList();
    }

    public string Path { get; }

    /// <summary>The first administrator's token: the one a sign-in link carries.</summary>
    public string AdministratorToken => users.First(u => u.User.Role == AdminRoles.Administrator).User.Token;

    /// <summary>Reads the file's tokens, or makes new ones (an administrator <c>admin</c> and a <c>reader</c>) when there is no file yet.</summary>
    /// <exception cref="InvalidOperationException">The file exists but cannot be read as credentials.</exception>
    public static AdminCredentials Load(string path)
    {
        if (!File.Exists(path))
        {
            return new AdminCredentials(path, [new AdminUser("admin", AdminRoles.Administrator, NewToken()), new AdminUser("reader", AdminRoles.Reader, NewToken())]);
        }

        CredentialsFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CredentialsFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path} cannot be read as credentials (line {e.LineNumber + 1}): correct it, or delete it to have new tokens made.", e);
        }

        if (file?.Users is not { Count: > 0 } known || known.Any(u => string.IsNullOrEmpty(u.Token) || u.Role is not (AdminRoles.Administrator or AdminRoles.Reader)))
        {
            throw new InvalidOperationException($"{path} holds no users, or one without a token or with a role other than administrator or reader: correct it, or delete it to have new tokens made.");
        }

        return new AdminCredentials(path, known);
    }

    /// <summary>Writes the file with the runtime's address, readable and writable by its owner only.</summary>
    public void Save(Uri runtime)
    {
        var text = JsonSerializer.Serialize(new CredentialsFile(runtime.AbsoluteUri, users.Select(u => u.User).ToArray()), Json);
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(Path, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.Write(text);
        }

        if (!OperatingSystem.IsWindows())
        {
            // A file made by hand, or by an older runtime, may have been readable by others: the tokens are secrets.
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The user whose token this is; every token is compared in full, so that the time taken says nothing about any of them.</summary>
    public AdminUser? Find(string token)
    {
        var given = Encoding.UTF8.GetBytes(token);
        AdminUser? found = null;
        foreach (var (user, expected) in users)
        {
            if (CryptographicOperations.FixedTimeEquals(given, expected))
            {
                found = user;
            }
        }

        return found;
    }

    private static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}
