namespace CaseTracker.Domain.Cases;

/// <summary>Which text of the Regulations governs a case, decided by its receipt date.</summary>
public enum RuleSet
{
    /// <summary>国务院令第492号, in force 2008-05-01 to 2019-05-14.</summary>
    Rules2008,

    /// <summary>国务院令第711号, in force from 2019-05-15.</summary>
    Rules2019,
}

public static class RuleSets
{
    public static readonly DateOnly Rules2019InForce = new(2019, 5, 15);

    public static RuleSet For(DateOnly receivedOn) => receivedOn >= Rules2019InForce ? RuleSet.Rules2019 : RuleSet.Rules2008;

    /// <summary>条例第三十三条 (2019): 20 working days; 2008 text 第二十四条: 15.</summary>
    public static int ResponsePeriod(this RuleSet rules) => rules == RuleSet.Rules2019 ? 20 : 15;

    /// <summary>条例第三十三条 (2019): extension of at most 20 working days; 2008 text: 15.</summary>
    public static int ExtensionPeriod(this RuleSet rules) => rules == RuleSet.Rules2019 ? 20 : 15;

    /// <summary>条例第三十四条: other-agency consultation is excluded from the clock only under the 2019 rules.</summary>
    public static bool ExcludesOtherAgencyConsultation(this RuleSet rules) => rules == RuleSet.Rules2019;

    public static string Label(this RuleSet rules) =>
        rules == RuleSet.Rules2019 ? "2019年修订条例（国务院令第711号）" : "2008年条例（国务院令第492号）";
}
