namespace DualWrite.Browser.Tests;

[CollectionDefinition(Name)]
public sealed class AdminPageSuite : ICollectionFixture<AdminUiFixture>
{
    public const string Name = "admin page";
}
