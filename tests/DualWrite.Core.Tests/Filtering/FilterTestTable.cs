using DualWrite.Core.Filtering;
using DualWrite.Core.Rows;
using DualWrite.Core.Schema;

namespace DualWrite.Core.Tests.Filtering;

/// <summary>A table with a field of every type, and shorthands for running filters against rows of it.</summary>
internal static class FilterTestTable
{
    public static readonly TableSchema Party = SchemaReader.Parse(
        """
        {
          "environment": "finops",
          "enums": [
            { "name": "DirPartyBaseType", "members": { "None": 0, "Person": 1, "Organization": 2 } },
            { "name": "AccountType", "members": { "Customer": 1, "Vendor": 2 } }
          ],
          "tables": [
            {
              "name": "Party",
              "key": ["Id"],
              "fields": [
                { "name": "Id", "type": "guid" },
                { "name": "Name", "type": "string" },
                { "name": "CurrencyCode", "type": "string" },
                { "name": "PartyType", "type": "enum", "enum": "DirPartyBaseType" },
                { "name": "AccountType", "type": "enum", "enum": "AccountType" },
                { "name": "n", "type": "integer" },
                { "name": "Amount", "type": "money", "scale": 2 },
                { "name": "Rate", "type": "decimal" },
                { "name": "Blocked", "type": "boolean" },
                { "name": "TransactionDate", "type": "date" },
                { "name": "ModifiedOn", "type": "datetime" },
                { "name": "ParentId", "type": "lookup", "target": "Party" }
              ]
            }
          ]
        }
        """,
        "filter tests").GetTable("Party");

    public static Row Row(params (string Field, object? Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, object?>(v.Field, v.Value)));

    public static bool Range(string range, Row row) => FilterEvaluator.Matches(FinOpsRangeParser.Parse(range), row, Party);

    public static bool OData(string filter, Row row) => FilterEvaluator.Matches(ODataFilterParser.Parse(filter), row, Party);
}
