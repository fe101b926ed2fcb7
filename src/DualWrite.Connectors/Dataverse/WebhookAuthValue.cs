using System.Xml.Linq;

namespace DualWrite.Connectors.Dataverse;

/// <summary>
/// The <c>authvalue</c> of a webhook endpoint of auth type HttpHeader (4): the headers to send, as
/// <c>&lt;settings&gt;&lt;setting name="…" value="…" /&gt;&lt;/settings&gt;</c>, written as XML so that a quote or an
/// ampersand in the secret cannot break it.
/// </summary>
internal static class WebhookAuthValue
{
    public static string Headers(string name, string value) =>
        new XElement("settings", new XElement("setting", new XAttribute("name", name), new XAttribute("value", value)))
            .ToString(SaveOptions.DisableFormatting);
}
