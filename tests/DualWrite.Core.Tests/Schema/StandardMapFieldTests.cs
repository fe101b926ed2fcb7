using DualWrite.Core.Schema;

namespace DualWrite.Core.Tests.Schema;

/// <summary>
/// The field pairs of the standard table maps (customers, contacts, groups, terms of payment, vendors, currencies,
/// companies) must find both ends in the environment schemas, or no solution built on them can validate.
/// </summary>
public sealed class StandardMapFieldTests
{
    public static TheoryData<string, string, string, string> Pairs { get; } = Build(
        ("CustomersV3", "account",
        [
            "dataAreaId=msdyn_company.cdm_companycode", "CustomerAccount=accountnumber", "OrganizationName=name",
            "OrganizationNumberOfEmployees=numberofemployees", "CreditLimit=creditlimit",
            "SalesCurrencyCode=transactioncurrencyid.isocurrencycode", "SalesMemo=description",
            "CreditLimitIsMandatory=msdyn_creditlimitismandatory", "CreditRating=msdyn_creditrating",
            "CustomerGroupId=msdyn_customergroupid.msdyn_groupid", "IdentificationNumber=msdyn_identificationnumber",
            "InvoiceAccount=msdyn_billingaccount.accountnumber", "IsOneTimeCustomer=msdyn_onetimecustomer",
            "OnHoldStatus=msdyn_onholdstatus", "PartyCountry=msdyn_partycountry", "PartyState=msdyn_partystateprovince",
            "PaymentTerms=msdyn_paymentterm.msdyn_name", "PaymentTermsBaseDays=msdyn_paymenttermsbasedays",
            "TaxExemptNumber=msdyn_taxexemptnumber", "VendorAccount=msdyn_vendor.msdyn_vendoraccountnumber",
            "PartyNumber=msdyn_partynumber", "ContactPersonId=primarycontactid.msdyn_contactpersonid",
            "PrimaryContactEmail=emailaddress1", "PrimaryContactFax=fax", "PrimaryContactPhone=telephone1",
            "PrimaryContactTwitter=primarytwitterid", "PrimaryContactURL=websiteurl",
            "DeliveryAddressStreet=address1_line1", "DeliveryAddressCity=address1_city",
            "DeliveryAddressState=address1_stateorprovince", "DeliveryAddressZipCode=address1_postalcode",
            "DeliveryAddressCountryRegionISOCode=address1_country", "InvoiceAddressStreet=address2_line1",
            "InvoiceAddressCity=address2_city", "InvoiceAddressState=address2_stateorprovince",
            "InvoiceAddressZipCode=address2_postalcode", "InvoiceAddressCountryRegionISOCode=address2_country",
        ]),
        ("CustomersV3", "contact",
        [
            "dataAreaId=msdyn_company.cdm_companycode", "CustomerAccount=msdyn_contactpersonid",
            "PersonFirstName=firstname", "PersonMiddleName=middlename", "PersonLastName=lastname",
            "PersonProfessionalTitle=jobtitle", "PersonGender=gendercode", "PersonMaritalStatus=familystatuscode",
            "CustomerGroupId=msdyn_customergroupid.msdyn_groupid", "PaymentTerms=msdyn_paymentterms.msdyn_name",
            "SalesCurrencyCode=transactioncurrencyid.isocurrencycode", "PartyNumber=msdyn_partynumber",
            "IdentificationNumber=msdyn_identificationnumber", "AddressStreet=address1_line1", "AddressCity=address1_city",
            "AddressState=address1_stateorprovince", "AddressZipCode=address1_postalcode",
            "AddressCountryRegionISOCode=address1_country", "AddressCounty=address1_county",
            "AddressLatitude=address1_latitude", "AddressLongitude=address1_longitude",
            "AddressPostbox=address1_postofficebox",
        ]),
        ("CustomerGroups", "msdyn_customergroup",
        [
            "dataAreaId=msdyn_company.cdm_companycode", "CustomerGroupId=msdyn_groupid", "Description=msdyn_description",
            "IsSalesTaxIncludedInPrice=msdyn_issalestaxincludedinprice", "PaymentTermId=msdyn_paymenttermid.msdyn_name",
            "ClearingPeriodPaymentTermName=msdyn_clearingperiodpaymenttermname.msdyn_name",
        ]),
        ("PaymentTerms", "msdyn_paymentterm",
        [
            "dataAreaId=msdyn_company.cdm_companycode", "Name=msdyn_name", "Description=msdyn_description",
            "NumberOfDays=msdyn_days", "NumberOfMonths=msdyn_numberofmonth", "CutOffDayOfMonth=msdyn_cutoffdayofmonth",
            "IsCashPayment=msdyn_iscashpayment", "IsDefaultPaymentTerm=msdyn_isdefaultpaymentterm",
            "IsCertifiedCompanyCheck=msdyn_iscertifiedcompanycheck", "PaymentMethodType=msdyn_paymentmethodtype",
        ]),
        ("VendorGroups", "msdyn_vendorgroup",
        [
            "dataAreaId=msdyn_company.cdm_companycode", "VendorGroupId=msdyn_vendorgroup", "Description=msdyn_description",
            "DefaultPaymentTermName=msdyn_paymentterms.msdyn_name",
        ]),
        ("VendorsV2", "msdyn_vendor",
        [
            "dataAreaId=msdyn_company.cdm_companycode", "VendorAccountNumber=msdyn_vendoraccountnumber",
            "VendorOrganizationName=msdyn_vendorname", "VendorPartyType=msdyn_isperson", "PersonFirstName=msdyn_firstname",
            "PersonLastName=msdyn_lastname", "VendorPartyNumber=msdyn_vendorpartynumber",
            "VendorGroupId=msdyn_vendorgroupid.msdyn_vendorgroup", "CurrencyCode=msdyn_currencycode.isocurrencycode",
            "DefaultPaymentTermsName=msdyn_paymentterms.msdyn_name", "CreditLimit=msdyn_vendorcreditlimit",
            "CreditRating=msdyn_creditrating", "OnHoldStatus=msdyn_onholdstatus", "IsOneTimeVendor=msdyn_isonetimevendor",
            "InvoiceVendorAccountNumber=msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber",
            "AddressStreet=msdyn_addressstreet", "AddressCity=msdyn_addresscity", "AddressStateId=msdyn_addressstateid",
            "AddressZipCode=msdyn_addresszipcode", "AddressCountryRegionId=msdyn_addresscountryregionid",
            "AddressLatitude=msdyn_addresslatitude", "AddressLongitude=msdyn_addresslongitude",
            "PrimaryEmailAddress=msdyn_primaryemailaddress", "PrimaryPhoneNumber=msdyn_pimaryphonenumber",
            "PrimaryURL=msdyn_primarycontacturl",
        ]),
        ("Currencies", "transactioncurrency",
        [
            "CurrencyCode=isocurrencycode", "Name=currencyname", "Symbol=currencysymbol",
        ]),
        ("LegalEntities", "cdm_company",
        [
            "LegalEntityId=cdm_companycode", "Name=cdm_name",
        ]));

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Both_ends_of_the_pair_exist_with_compatible_types(string entity, string field, string table, string column)
    {
        var finOps = EnvironmentSchemaFiles.FinOps.GetTable(entity).GetField(field);
        var (owner, dataverse) = Resolve(table, column);

        Assert.True(Compatible(finOps, dataverse), $"{entity}.{field} ({finOps.Type}) and {owner.Name}.{dataverse.Name} ({dataverse.Type})");
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Lookups_go_through_an_alternate_key_and_key_columns_hold_the_whole_finops_value(
        string entity, string field, string table, string column)
    {
        var finOps = EnvironmentSchemaFiles.FinOps.GetTable(entity).GetField(field);
        var (owner, dataverse) = Resolve(table, column);
        var isKeyed = owner.AlternateKeys.Any(k => k.Fields.Contains(dataverse.Name));

        if (column.Contains('.', StringComparison.Ordinal))
        {
            Assert.True(isKeyed, $"{owner.Name}.{dataverse.Name} is in no alternate key of {owner.Name}");
        }

        if (isKeyed)
        {
            Assert.True(dataverse.MaxLength >= finOps.MaxLength, $"{owner.Name}.{dataverse.Name} is shorter than {entity}.{field}");
        }
    }

    private static (TableSchema Owner, FieldSchema Field) Resolve(string table, string path)
    {
        var owner = EnvironmentSchemaFiles.Dataverse.GetTable(table);
        var segments = path.Split('.');
        foreach (var hop in segments[..^1])
        {
            var lookup = owner.GetField(hop);
            Assert.Equal(FieldType.Lookup, lookup.Type);
            owner = EnvironmentSchemaFiles.Dataverse.GetTable(lookup.LookupTarget!);
        }

        return (owner, owner.GetField(segments[^1]));
    }

    // F&O enums reach Dataverse as option sets or, for two-valued ones, as yes/no columns through a value map.
    private static bool Compatible(FieldSchema finOps, FieldSchema dataverse) =>
        finOps.Type == dataverse.Type
        || (finOps.Type == FieldType.Enum && dataverse.Type == FieldType.Boolean);

    private static TheoryData<string, string, string, string> Build(params (string Entity, string Table, string[] Pairs)[] maps)
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (entity, table, pairs) in maps)
        {
            foreach (var pair in pairs)
            {
                var parts = pair.Split('=');
                data.Add(entity, parts[0], table, parts[1]);
            }
        }

        return data;
    }
}
