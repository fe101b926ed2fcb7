using DualWrite.Core.Filtering;
using DualWrite.Core.Maps;
using DualWrite.Core.Mapping;
using DualWrite.Core.Tests.Schema;
using DualWrite.Core.Validation;
using static DualWrite.Core.Tests.Validation.TestMaps;

namespace DualWrite.Core.Tests.Validation;

public sealed class ManyProblemsTests
{
    /// <summary>Maps broken in ways the row mapper itself would trip over, and ways it would not notice.</summary>
    public static TheoryData<string> Broken { get; } = [.. BrokenMaps().Keys];

    [Fact]
    public void Every_problem_of_a_map_is_reported_not_just_the_first()
    {
        var map = Accounts.Replacing("customertypecode", Field("none > customertypecode") with { DataverseDefault = new DefaultValue(99L) })
            .With(Field("PersonGender = nosuch"), Field("NameAlias > name"), Field("Nosuch > address1_city"))
            with
            {
                CompanySpecific = false,
                IntegrationKey = [],
                FinOpsFilter = "((",
            };

        var findings = Findings.Of(map);

        Assert.Equal(
            new[] { DipvCodes.CompanyMismatch, DipvCodes.IntegrationKeyInvalid, DipvCodes.FilterInvalid, DipvCodes.FinOpsFieldNotFound, DipvCodes.DataverseFieldNotFound, DipvCodes.DuplicateDataverseField, DipvCodes.TypeMismatch }.Order(),
            findings.Select(f => f.Code).Order());
        Assert.All(findings, f => Assert.Equal(AccountsName, f.Map));
        Findings.Has(findings, DipvCodes.DataverseFieldNotFound, AccountsName, "PERSONGENDER = nosuch", "no column 'nosuch'");
        Findings.Has(findings, DipvCodes.FinOpsFieldNotFound, AccountsName, "NOSUCH > address1_city", "no field 'Nosuch'");
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_map_the_row_mapper_refuses_has_findings_and_one_without_findings_is_accepted(string name)
    {
        var map = BrokenMaps()[name];

        var findings = Findings.Of(map);
        Exception? refused = null;
        try
        {
            _ = new RowMapper(map, EnvironmentSchemaFiles.FinOps, EnvironmentSchemaFiles.Dataverse);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or FieldValueException or FilterParseException)
        {
            refused = e;
        }

        Assert.True(refused is null || findings.Count > 0, $"the row mapper refuses the map ({refused?.Message}) but it validates clean");
        Assert.NotEmpty(findings);
    }

    private static Dictionary<string, TableMap> BrokenMaps() => new()
    {
        ["unknown entity"] = Accounts with { FinOpsEntity = "Nope" },
        ["unknown table"] = Accounts with { DataverseTable = "nopes" },
        ["company flag over global tables"] = Currencies with { CompanySpecific = true },
        ["unknown F&O field"] = Accounts.With(Field("Nope > address1_city")),
        ["unknown column"] = Accounts.With(Field("NameAlias > nope")),
        ["unknown path segment"] = Accounts.With(Field("NameAlias > msdyn_customergroupid.nope")),
        ["bad default"] = Accounts.With(Field("none > address1_addresstypecode") with { DataverseDefault = new DefaultValue("Nowhere") }),
        ["bad value map value"] = Accounts.Replacing("OnHoldStatus", Field("OnHoldStatus = msdyn_onholdstatus") with { ValueMap = Pairs(("Sometimes", 1L)) }),
        ["bad F&O range"] = Accounts with { FinOpsFilter = "(PartyType = 1)" },
        ["bad Dataverse filter"] = Accounts with { DataverseFilter = "name eq 'x" },
        ["path through a column"] = Accounts.With(Field("NameAlias > address1_line1.address1_city")),
        ["mapping to none"] = Accounts.With(Field("NameAlias > none")),
        ["key from none"] = Accounts.Replacing("CustomerAccount", Field("none > accountnumber") with { DataverseDefault = new DefaultValue("A") }),
    };
}
