using DualWrite.Core.Filtering;
using DualWrite.Core.Rows;
using static DualWrite.Core.Tests.Filtering.FilterTestTable;

namespace DualWrite.Core.Tests.Filtering;

/// <summary>The same condition written in either grammar passes and fails the same rows.</summary>
public class FilterGrammarEquivalenceTests
{
    private static readonly Row[] Rows =
    [
        new(),
        Row(("PartyType", 0), ("Name", "Adatum"), ("n", 999L), ("Amount", 0m), ("Blocked", false)),
        Row(("PartyType", 1), ("Name", "alpine ski house"), ("n", 1000L), ("Amount", 1000m), ("Blocked", true)),
        Row(("PartyType", 2), ("Name", "Contoso"), ("n", 1001L), ("Amount", 1000.01m), ("CurrencyCode", "999")),
        Row(("PartyType", 2), ("Name", "CONTOSO BANK"), ("n", 2000L), ("Amount", -5m), ("CurrencyCode", "usd")),
        Row(("PartyType", 1), ("Name", "Bob"), ("n", 2001L), ("TransactionDate", new DateOnly(2021, 6, 23)), ("AccountType", 1)),
        Row(("PartyType", null), ("Name", null), ("n", null), ("TransactionDate", new DateOnly(2021, 6, 24)), ("AccountType", 2)),
        Row(("Name", "a"), ("TransactionDate", new DateOnly(2020, 1, 1)), ("CurrencyCode", null)),
    ];

    public static TheoryData<string, string> Pairs => new()
    {
        { "PartyType eq Microsoft.Dynamics.DataEntities.DirPartyBaseType'Organization'", "((PartyType == \"Organization\"))" },
        { "PartyType eq 'Organization'", "((PartyType == DirPartyBaseType::Organization))" },
        { "PartyType ne 2", "(PartyType != \"Organization\")" },
        { "startswith(Name, 'A')", "(Name like \"A*\")" },
        { "not contains(Name, 'A')", "(!(Name like \"*A*\"))" },
        { "endswith(Name, 'bank')", "(Name like \"*BANK\")" },
        { "AccountType eq AccountType'Customer'", "(AccountType == AccountType::Customer)" },
        { "TransactionDate le 2021-06-23", @"(TransactionDate <= 23\06\2021)" },
        { "n gt 1000 and n le 2000", "((n > 1000) && (n <= 2000))" },
        { "CurrencyCode ne '999'", "((CURRENCYCODE != \"999\"))" },
        { "Amount ge 1000 or Blocked eq true", "((Amount >= 1000) || (Blocked == true))" },
        { "1000 lt n", "(n > 1000)" },
        { "Name eq 'contoso'", "(\"CONTOSO\" == Name)" },
        { "(n eq 999 or PartyType eq 1) and not (Name eq 'Bob')", "((n == 999) || (PartyType == 1)) && !(Name == \"Bob\")" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Both_grammars_pass_the_same_rows(string odata, string range)
    {
        var fromOData = FilterEvaluator.Compile(ODataFilterParser.Parse(odata), Party);
        var fromRange = FilterEvaluator.Compile(FinOpsRangeParser.Parse(range), Party);

        Assert.Equal(Rows.Select(fromOData), Rows.Select(fromRange));
        Assert.Contains(true, Rows.Select(fromRange));
        Assert.Contains(false, Rows.Select(fromRange));
    }

    [Fact]
    public void Both_grammars_give_the_same_tree_for_a_comparison()
    {
        Assert.Equal(ODataFilterParser.Parse("n gt 1000 and n le 2000"), FinOpsRangeParser.Parse("((n > 1000) && (n <= 2000))"));
        Assert.Equal(ODataFilterParser.Parse("not (Name eq 'x')"), FinOpsRangeParser.Parse("!(Name == \"x\")"));
    }
}
