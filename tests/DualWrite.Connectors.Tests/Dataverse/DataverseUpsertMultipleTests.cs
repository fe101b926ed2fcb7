using DualWrite.Connectors.Dataverse;

namespace DualWrite.Connectors.Tests.Dataverse;

public sealed class DataverseUpsertMultipleTests(DataverseFixture fixture) : IClassFixture<DataverseFixture>
{
    private DataverseClient Client => fixture.Client;

    [Fact]
    public async Task Hundreds_of_rows_go_in_one_request_sent_in_pieces_and_come_back_as_their_ids_in_order()
    {
        var numbers = Enumerable.Range(0, 400).Select(n => $"UM-{n:000}").ToArray();
        var ids = await Client.UpsertMultipleAsync("account", numbers.Select(n => Accounts.Upsert(n, fixture.Usmf, "Bulk " + n + new string('.', 100))).ToArray(), CancellationToken.None);

        Assert.Equal(numbers.Length, ids.Count);
        for (var i = 0; i < numbers.Length; i += 97)
        {
            var row = await Client.ReadAsync("account", DataverseKey.ById(ids[i]), CancellationToken.None);
            Assert.Equal(numbers[i], row?["accountnumber"]);
        }
    }

    [Fact]
    public async Task A_row_that_cannot_be_written_as_json_fails_the_call_without_being_sent_again()
    {
        var transport = fixture.Transport;
        var requests = transport.Statistics.Requests;
        var bad = Accounts.Upsert("UM-BAD", fixture.Usmf, "Bad", ("parentaccountid", "not an id"));

        await Assert.ThrowsAsync<ArgumentException>(() => Client.UpsertMultipleAsync("account", [Accounts.Upsert("UM-OK", fixture.Usmf, "Fine"), bad], CancellationToken.None));
        Assert.InRange(transport.Statistics.Requests - requests, 0, 1);
    }
}
