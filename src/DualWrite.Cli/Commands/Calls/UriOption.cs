using System.CommandLine;

namespace DualWrite.Cli.Commands.Calls;

/// <summary>An option that takes an absolute http or https address; System.CommandLine reads no <see cref="Uri"/> by itself.</summary>
internal static class UriOption
{
    public static Option<Uri> Create(string name, string description, string? defaultValue = null)
    {
        var option = new Option<Uri>(name)
        {
            Description = description,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? defaultValue : result.Tokens[0].Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                {
                    return uri;
                }

                result.AddError($"{name} takes an absolute http or https address, such as http://127.0.0.1:5100/, not '{text}'.");
                return null;
            },
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => new Uri(defaultValue);
        }

        return option;
    }
}
