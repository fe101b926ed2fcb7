namespace DualWrite.Environments.Demo;

/// <param name="Name">The town as an address writes it.</param>
/// <param name="State">The state or province code, where the country has them.</param>
/// <param name="PostalCodes">Whole postal codes, or the outward halves where the country adds an inward half.</param>
/// <param name="PhonePrefix">The number up to the digits that vary, in a range set aside for fiction.</param>
/// <param name="PhoneDigits">How many digits follow the prefix.</param>
internal sealed record DemoCity(
    string Name,
    string? State,
    IReadOnlyList<string> PostalCodes,
    decimal Latitude,
    decimal Longitude,
    string PhonePrefix,
    int PhoneDigits);
