using DualWrite.Core.Maps;

namespace DualWrite.Core.Tests.Validation;

/// <summary>Small maps over the shipped schemas that validate clean, for each test to break in one way.</summary>
internal static class TestMaps
{
    public const string AccountsName = "Customers V3 (accounts)";

    /// <summary>Customers as accounts: company-specific, keyed by account number, with lookups, defaults and filters.</summary>
    public static TableMap Accounts { get; } = new()
    {
        Name = AccountsName,
        FinOpsEntity = "CustomersV3",
        DataverseTable = "accounts",
        CompanySpecific = true,
        IntegrationKey = [FieldPath.Parse("accountnumber")],
        FinOpsFilter = "((PartyType == \"Organization\"))",
        DataverseFilter = "customertypecode eq 3 and _msdyn_customergroupid_value ne null",
        Fields =
        [
            Field("CustomerAccount = accountnumber"),
            Field("OrganizationName = name"),
            Field("CustomerGroupId = msdyn_customergroupid.msdyn_groupid"),
            Field("SalesCurrencyCode = transactioncurrencyid.isocurrencycode"),
            Field("PaymentTerms = msdyn_paymentterm.msdyn_name"),
            Field("InvoiceAccount > msdyn_billingaccount.accountnumber"),
            Field("CreditLimit = creditlimit"),
            Field("OnHoldStatus = msdyn_onholdstatus"),
            Field("IsOneTimeCustomer = msdyn_onetimecustomer"),
            Field("PartyNumber = msdyn_partynumber"),
            Field("OrganizationNumberOfEmployees = numberofemployees"),
            Field("PrimaryContactEmail = emailaddress1"),
            Field("SalesMemo > description"),
            Field("PartyType < none") with { FinOpsDefault = new DefaultValue("Organization") },
            Field("none > customertypecode") with { DataverseDefault = new DefaultValue(3L) },
        ],
    };

    /// <summary>Customers as contacts: a second company-specific table, with a read-only column to be tempted by.</summary>
    public static TableMap Contacts { get; } = new()
    {
        Name = "Customers V3 (contacts)",
        FinOpsEntity = "CustomersV3",
        DataverseTable = "contacts",
        CompanySpecific = true,
        IntegrationKey = [FieldPath.Parse("msdyn_contactpersonid")],
        Fields =
        [
            Field("CustomerAccount = msdyn_contactpersonid"),
            Field("PersonLastName = lastname"),
            Field("CustomerGroupId = msdyn_customergroupid.msdyn_groupid"),
            Field("PersonGender = gendercode"),
        ],
    };

    /// <summary>A global map.</summary>
    public static TableMap Currencies { get; } = new()
    {
        Name = "Currencies",
        FinOpsEntity = "Currencies",
        DataverseTable = "transactioncurrencies",
        IntegrationKey = [FieldPath.Parse("isocurrencycode")],
        Fields =
        [
            Field("CurrencyCode = isocurrencycode"),
            Field("Name = currencyname"),
            Field("Symbol = currencysymbol"),
            Field("none > exchangerate") with { DataverseDefault = new DefaultValue(1L) },
        ],
    };

    /// <summary>A mapping written as the symbol view shows it, without transforms: <c>CustomerAccount = accountnumber</c>.</summary>
    public static FieldMapping Field(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3)
        {
            throw new ArgumentException($"'{text}' is not 'F&O direction Dataverse'", nameof(text));
        }

        return new FieldMapping
        {
            FinOps = parts[0] == "none" ? null : parts[0],
            Dataverse = parts[2] == "none" ? null : FieldPath.Parse(parts[2]),
            Direction = parts[1] switch
            {
                "=" => MappingDirection.Both,
                ">" => MappingDirection.ToDataverse,
                "<" => MappingDirection.ToFinOps,
                _ => throw new ArgumentException($"'{parts[1]}' is not a direction", nameof(text)),
            },
        };
    }

    public static ValueMap Pairs(params (object? FinOps, object? Dataverse)[] pairs) =>
        new(pairs.Select(p => new ValueMapPair(p.FinOps, p.Dataverse)).ToArray());

    public static TableMap With(this TableMap map, params FieldMapping[] fields) => map with { Fields = [.. map.Fields, .. fields] };

    /// <summary>The map without the mappings of that F&amp;O field or Dataverse column or path.</summary>
    public static TableMap Without(this TableMap map, string field) =>
        map with { Fields = map.Fields.Where(f => !Names(f, field)).ToArray() };

    /// <summary>The map with the mapping of that F&amp;O field or Dataverse column or path replaced, in place.</summary>
    public static TableMap Replacing(this TableMap map, string field, FieldMapping replacement)
    {
        Assert.Contains(map.Fields, f => Names(f, field));
        return map with { Fields = map.Fields.Select(f => Names(f, field) ? replacement : f).ToArray() };
    }

    private static bool Names(FieldMapping mapping, string field) =>
        string.Equals(mapping.FinOps, field, StringComparison.OrdinalIgnoreCase)
        || string.Equals(mapping.Dataverse?.ToString(), field, StringComparison.OrdinalIgnoreCase);
}
