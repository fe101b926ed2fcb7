using System.Globalization;
using System.Text.Json;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;
using DualWrite.Environments.OData;
using DualWrite.Environments.Storage;

namespace DualWrite.Environments.Dataverse.Webhooks;

/// <summary>
/// The <c>RemoteExecutionContext</c> JSON a Dataverse webhook receives, in the data-contract shape of the real
/// service: typed values carry <c>__type</c>, dates are <c>/Date(ms)/</c>, collections are key/value lists.
/// </summary>
internal static class RemoteExecutionContextWriter
{
    private const string Contracts = "http://schemas.microsoft.com/xrm/2011/Contracts";

    /// <param name="context">What happened, where, and for whom.</param>
    public static byte[] Write(WebhookInvocation context)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            var table = context.Table;
            var id = (Guid)context.After.Values[table.PrimaryIdField!]!;
            w.WriteStartObject();
            w.WriteString("BusinessUnitId", context.BusinessUnitId);
            w.WriteString("CorrelationId", context.CorrelationId);
            w.WriteNumber("Depth", 1);
            w.WriteString("InitiatingUserAzureActiveDirectoryObjectId", context.UserId);
            w.WriteString("InitiatingUserId", context.UserId);
            w.WriteStartArray("InputParameters");
            w.WriteStartObject();
            w.WriteString("key", "Target");
            w.WritePropertyName("value");
            if (context.Message == "Delete")
            {
                WriteReference(w, table.Name, id);
            }
            else
            {
                WriteEntity(w, table, id, context.Target, context.After.Version);
            }

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteBoolean("IsExecutingOffline", false);
            w.WriteBoolean("IsInTransaction", context.Step.Synchronous);
            w.WriteBoolean("IsOfflinePlayback", false);
            w.WriteNumber("IsolationMode", 1);
            w.WriteString("MessageName", context.Message);
            w.WriteNumber("Mode", context.Step.Synchronous ? 0 : 1);
            w.WriteString("OperationCreatedOn", DataContractDate(context.At));
            w.WriteString("OperationId", context.OperationId);
            w.WriteString("OrganizationId", context.OrganizationId);
            w.WriteString("OrganizationName", "dualwrite");
            w.WriteStartArray("OutputParameters");
            if (context.Message == "Create")
            {
                w.WriteStartObject();
                w.WriteString("key", "id");
                w.WriteString("value", id);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("OwningExtension");
            w.WriteString("Id", context.Step.Id);
            w.WriteStartArray("KeyAttributes");
            w.WriteEndArray();
            w.WriteString("LogicalName", "sdkmessageprocessingstep");
            w.WriteString("Name", context.Step.Name);
            w.WriteNull("RowVersion");
            w.WriteEndObject();
            w.WriteNull("ParentContext");
            WriteImages(w, "PostEntityImages", "PostImage", context.Message == "Delete" ? null : context.After, table);
            WriteImages(w, "PreEntityImages", "PreImage", context.Before, table);
            w.WriteString("PrimaryEntityId", id);
            w.WriteString("PrimaryEntityName", table.Name);
            w.WriteString("RequestId", context.OperationId);
            w.WriteString("SecondaryEntityName", "none");
            w.WriteStartArray("SharedVariables");
            w.WriteEndArray();
            w.WriteNumber("Stage", context.Step.Stage);
            w.WriteString("UserAzureActiveDirectoryObjectId", context.UserId);
            w.WriteString("UserId", context.UserId);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteImages(Utf8JsonWriter w, string property, string name, StoredRow? image, TableSchema table)
    {
        w.WriteStartArray(property);
        if (image is not null)
        {
            w.WriteStartObject();
            w.WriteString("key", name);
            w.WritePropertyName("value");
            WriteEntity(w, table, (Guid)image.Values[table.PrimaryIdField!]!, image.Values, image.Version);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteEntity(Utf8JsonWriter w, TableSchema table, Guid id, Row attributes, long version)
    {
        w.WriteStartObject();
        w.WriteString("__type", $"Entity:{Contracts}");
        w.WriteStartArray("Attributes");
        foreach (var (name, value) in attributes)
        {
            var field = table.GetField(name);
            if (field.IsSecret)
            {
                continue;
            }

            w.WriteStartObject();
            w.WriteString("key", field.Name);
            w.WritePropertyName("value");
            WriteValue(w, field, value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNull("EntityState");
        w.WriteStartArray("FormattedValues");
        w.WriteEndArray();
        w.WriteString("Id", id);
        w.WriteStartArray("KeyAttributes");
        w.WriteEndArray();
        w.WriteString("LogicalName", table.Name);
        w.WriteStartArray("RelatedEntities");
        w.WriteEndArray();
        w.WriteString("RowVersion", version.ToString(CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    private static void WriteReference(Utf8JsonWriter w, string logicalName, Guid id)
    {
        w.WriteStartObject();
        w.WriteString("__type", $"EntityReference:{Contracts}");
        w.WriteString("Id", id);
        w.WriteStartArray("KeyAttributes");
        w.WriteEndArray();
        w.WriteString("LogicalName", logicalName);
        w.WriteNull("Name");
        w.WriteNull("RowVersion");
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, FieldSchema field, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case Guid g when field.Type == FieldType.Lookup:
                WriteReference(w, field.LookupTarget!, g);
                break;
            case int option:
                w.WriteStartObject();
                w.WriteString("__type", $"OptionSetValue:{Contracts}");
                w.WriteNumber("Value", option);
                w.WriteEndObject();
                break;
            case decimal money when field.Type == FieldType.Money:
                w.WriteStartObject();
                w.WriteString("__type", $"Money:{Contracts}");
                w.WriteNumber("Value", money);
                w.WriteEndObject();
                break;
            case DateTimeOffset dt:
                w.WriteStringValue(DataContractDate(dt));
                break;
            case DateOnly date:
                w.WriteStringValue(DataContractDate(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
                break;
            case string s:
                w.WriteStringValue(s);
                break;
            case long l:
                w.WriteNumberValue(l);
                break;
            case decimal d:
                w.WriteNumberValue(d);
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case Guid g:
                w.WriteStringValue(g);
                break;
            default:
                w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string DataContractDate(DateTimeOffset at) =>
        $"/Date({at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)})/";
}
