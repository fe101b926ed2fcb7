using DualWrite.Protocols.Batch;

namespace DualWrite.Protocols.Tests.Batch;

public sealed class BatchReaderDataverseTests
{
    private const string RequestContentType = "multipart/mixed; boundary=\"batch_7c1f2e4a\"";

    // Shaped like the public Dataverse examples: "Content-Transfer-Encoding:binary" with no space, absolute
    // URLs, no Content-Length on the inner requests, and blank lines before each delimiter.
    private const string DataverseRequests = """
        --batch_7c1f2e4a
        Content-Type: multipart/mixed; boundary=changeset_d41e0b

        --changeset_d41e0b
        Content-Type: application/http
        Content-Transfer-Encoding:binary
        Content-ID: 1

        POST https://contoso.crm.example/api/data/v9.2/accounts HTTP/1.1
        Content-Type: application/json; type=entry

        {
          "name": "Fourth Coffee",
          "accountnumber": "FC-01"
        }
        --changeset_d41e0b
        Content-Type: application/http
        Content-Transfer-Encoding:binary
        Content-ID: 2

        POST https://contoso.crm.example/api/data/v9.2/contacts HTTP/1.1
        Content-Type: application/json; type=entry

        {
          "lastname": "Müller",
          "parentcustomerid_account@odata.bind": "$1"
        }

        --changeset_d41e0b--

        --batch_7c1f2e4a
        Content-Type: application/http
        Content-Transfer-Encoding:binary

        GET https://contoso.crm.example/api/data/v9.2/accounts?$select=name&$filter=accountnumber eq 'FC-01' HTTP/1.1
        Accept: application/json
        OData-MaxVersion: 4.0

        --batch_7c1f2e4a--

        """;

    [Fact]
    public async Task A_change_set_of_two_posts_and_a_get_outside_it_are_read_in_order()
    {
        var items = await BatchText.ReadRequestsAsync(DataverseRequests, RequestContentType);

        Assert.Equal(2, items.Count);
        var changeSet = Assert.IsType<BatchChangeSet>(items[0]);
        Assert.Equal(2, changeSet.RequestCount);

        var account = changeSet.Requests[0];
        Assert.Equal("POST", account.Method);
        Assert.Equal("https://contoso.crm.example/api/data/v9.2/accounts", account.Url);
        Assert.Equal("1", account.ContentId);
        Assert.Equal("application/json; type=entry", account.Headers["content-type"]);
        Assert.Equal("{\r\n  \"name\": \"Fourth Coffee\",\r\n  \"accountnumber\": \"FC-01\"\r\n}", BatchText.Text(account.Body));

        var contact = changeSet.Requests[1];
        Assert.Equal("2", contact.ContentId);
        Assert.Equal("https://contoso.crm.example/api/data/v9.2/contacts", contact.Url);
        Assert.Contains("\"lastname\": \"Müller\"", BatchText.Text(contact.Body), StringComparison.Ordinal);
        Assert.EndsWith("\"$1\"\r\n}", BatchText.Text(contact.Body), StringComparison.Ordinal);

        var query = Assert.IsType<BatchSingle>(items[1]).Request;
        Assert.Equal("GET", query.Method);
        Assert.Equal("https://contoso.crm.example/api/data/v9.2/accounts?$select=name&$filter=accountnumber eq 'FC-01'", query.Url);
        Assert.Null(query.ContentId);
        Assert.Equal(2, query.Headers.Count);
        Assert.Equal("4.0", query.Headers["OData-MaxVersion"]);
        Assert.Empty(query.Body);
    }

    [Fact]
    public async Task Content_id_references_and_every_url_form_are_kept_as_written()
    {
        const string text = """
            --b
            Content-Type: multipart/mixed; boundary=cs

            --cs
            Content-Type: application/http
            Content-Transfer-Encoding: binary
            Content-ID: 1

            POST /api/data/v9.2/accounts HTTP/1.1

            --cs
            Content-Type: application/http
            Content-Transfer-Encoding: binary
            Content-ID: 2

            PUT $1/primarycontactid/$ref HTTP/1.1

            --cs
            Content-Type: application/http
            Content-Transfer-Encoding: binary
            Content-ID: 3

            DELETE $1 HTTP/1.1

            --cs
            Content-Type: application/http
            Content-Transfer-Encoding: binary
            Content-ID: 4

            PATCH accounts(accountnumber='Ä-1',_msdyn_company_value=00000000-0000-0000-0000-000000000002) HTTP/1.1

            --cs--
            --b--
            """;

        var items = await BatchText.ReadRequestsAsync(text, "multipart/mixed; boundary=b");

        var urls = Assert.IsType<BatchChangeSet>(Assert.Single(items)).Requests.Select(r => r.Url);
        Assert.Equal(
            [
                "/api/data/v9.2/accounts",
                "$1/primarycontactid/$ref",
                "$1",
                "accounts(accountnumber='Ä-1',_msdyn_company_value=00000000-0000-0000-0000-000000000002)",
            ],
            urls);
    }

    [Fact]
    public async Task A_dataverse_style_response_is_read_with_its_content_ids()
    {
        const string text = """
            --batchresponse_5e1b
            Content-Type: multipart/mixed; boundary=changesetresponse_90af

            --changesetresponse_90af
            Content-Type: application/http
            Content-Transfer-Encoding: binary
            Content-ID: 1

            HTTP/1.1 204 No Content
            OData-Version: 4.0
            Location: https://contoso.crm.example/api/data/v9.2/accounts(00000000-0000-0000-0000-0000000000a1)
            OData-EntityId: https://contoso.crm.example/api/data/v9.2/accounts(00000000-0000-0000-0000-0000000000a1)


            --changesetresponse_90af
            Content-Type: application/http
            Content-Transfer-Encoding: binary
            Content-ID: 2

            HTTP/1.1 204 No Content
            OData-Version: 4.0


            --changesetresponse_90af--
            --batchresponse_5e1b
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            HTTP/1.1 200 OK
            Content-Type: application/json; odata.metadata=minimal
            OData-Version: 4.0

            {"value":[{"name":"Fourth Coffee"}]}
            --batchresponse_5e1b--

            """;

        var items = await BatchText.ReadResponsesAsync(text, "multipart/mixed; boundary=batchresponse_5e1b");

        var changeSet = Assert.IsType<BatchChangeSetResponse>(items[0]);
        Assert.Equal([204, 204], changeSet.Responses.Select(r => r.StatusCode));
        Assert.Equal(["1", "2"], changeSet.Responses.Select(r => r.ContentId));
        Assert.EndsWith("(00000000-0000-0000-0000-0000000000a1)", changeSet.Responses[0].Headers["odata-entityid"], StringComparison.Ordinal);
        Assert.All(changeSet.Responses, r => Assert.Empty(r.Body));

        var query = Assert.IsType<BatchSingleResponse>(items[1]).Response;
        Assert.Equal(200, query.StatusCode);
        Assert.Equal("""{"value":[{"name":"Fourth Coffee"}]}""", BatchText.Text(query.Body));
    }

    [Fact]
    public async Task A_failed_change_set_answered_by_one_error_part_is_read_as_a_single_response()
    {
        const string text = """
            --batchresponse_1
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            HTTP/1.1 400 Bad Request
            Content-Type: application/json; odata.metadata=minimal

            {"error":{"code":"0x80040237","message":"A record with matching key values already exists."}}
            --batchresponse_1--
            """;

        var items = await BatchText.ReadResponsesAsync(text, "multipart/mixed; boundary=batchresponse_1");

        var error = Assert.IsType<BatchSingleResponse>(Assert.Single(items)).Response;
        Assert.Equal(400, error.StatusCode);
        Assert.StartsWith("""{"error":{"code":"0x80040237" """.TrimEnd(), BatchText.Text(error.Body), StringComparison.Ordinal);
    }
}
