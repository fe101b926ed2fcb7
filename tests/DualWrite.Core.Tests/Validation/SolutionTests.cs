using DualWrite.Core.Maps;
using DualWrite.Core.Validation;
using static DualWrite.Core.Tests.Validation.TestMaps;

namespace DualWrite.Core.Tests.Validation;

/// <summary>The rules about the maps of a solution together: names, and what they depend on.</summary>
public sealed class SolutionTests
{
    private static Solution Of(params TableMap[] maps) =>
        new() { Name = "Core customers", Publisher = "Contoso", Version = new FourPartVersion(1, 0, 0, 5), Maps = maps };

    [Fact]
    public void A_solution_of_valid_maps_with_known_dependencies_has_no_findings()
    {
        Findings.None(Findings.Of(Of(Accounts with { DependsOn = ["currencies"] }, Currencies, Contacts with { DependsOn = [AccountsName] })));
    }

    [Fact]
    public void Each_map_of_a_solution_is_validated()
    {
        var findings = Findings.Of(Of(Accounts.Without("name"), Contacts with { IntegrationKey = [] }));

        Findings.Has(findings, DipvCodes.RequiredFieldNotMapped, AccountsName, "name", "required");
        Findings.Has(findings, DipvCodes.IntegrationKeyInvalid, "Customers V3 (contacts)", null, "no integration key");
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void A_dependency_on_a_map_not_in_the_solution_is_refused()
    {
        var findings = Findings.Of(Of(Accounts with { DependsOn = ["Currencies", "Customer groups"] }, Currencies));

        var finding = Findings.Only(findings, DipvCodes.UnknownDependency, AccountsName, null, "depends on 'Customer groups'", "not in solution 'Core customers'");
        Assert.Single(findings);
        Assert.Equal("DWS001 Customers V3 (accounts): the map depends on 'Customer groups', which is not in solution 'Core customers'; add that map to the solution or remove the dependency", finding.ToString());
    }

    [Fact]
    public void Maps_that_depend_on_each_other_in_a_cycle_are_refused()
    {
        var findings = Findings.Of(Of(
            Contacts,
            Accounts with { DependsOn = ["Currencies"] },
            Currencies with { DependsOn = [AccountsName] }));

        var finding = Findings.Only(findings, DipvCodes.DependencyCycle, AccountsName, null, "cycle", "Customers V3 (accounts) -> Currencies -> Customers V3 (accounts)");
        Assert.Single(findings);
        Assert.Equal("DWS002", finding.Code);
    }

    [Fact]
    public void A_map_that_depends_on_itself_is_a_cycle()
    {
        var findings = Findings.Of(Of(Currencies with { DependsOn = ["Currencies"] }));

        Findings.Only(findings, DipvCodes.DependencyCycle, "Currencies", null, "Currencies -> Currencies");
    }

    [Fact]
    public void Two_maps_with_the_same_name_are_refused()
    {
        var findings = Findings.Of(Of(Accounts, Contacts with { Name = AccountsName.ToUpperInvariant() }));

        Findings.Only(findings, DipvCodes.DuplicateMapName, AccountsName.ToUpperInvariant(), null, "more than one map named", "'Core customers'");
        Assert.Single(findings);
    }
}
