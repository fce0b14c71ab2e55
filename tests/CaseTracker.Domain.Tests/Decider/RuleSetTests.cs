using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using static CaseTracker.Domain.Tests.Support.A;

namespace CaseTracker.Domain.Tests.Decider;

/// <summary>Which text of the Regulations governs a case is decided by its receipt date (国务院令第711号, in force 2019-05-15).</summary>
public class RuleSetTests
{
    [Fact]
    public void A_request_received_on_2019_05_14_falls_under_the_2008_rules_with_15_working_days()
    {
        var state = CaseDecider.Fold([Received("2019-05-14")]);

        Assert.Equal(RuleSet.Rules2008, state.Rules);
        Assert.Equal(15, state.Rules.ResponsePeriod());
        Assert.Equal(15, state.Rules.ExtensionPeriod());
        Assert.False(state.Rules.ExcludesOtherAgencyConsultation());
        // 05-15..05-17 (3), 05-20..05-24 (8), 05-27..05-31 (13), 06-03, 06-04 (15).
        Assert.Equal(D("2019-06-04"), StatutoryClock.Read(state, D("2019-05-20"), WorkingCalendar.BuiltIn, ClockSettings.Default).Deadline);
    }

    [Fact]
    public void A_request_received_on_2019_05_15_falls_under_the_2019_rules_with_20_working_days()
    {
        var state = CaseDecider.Fold([Received("2019-05-15")]);

        Assert.Equal(RuleSet.Rules2019, state.Rules);
        Assert.Equal(20, state.Rules.ResponsePeriod());
        Assert.Equal(20, state.Rules.ExtensionPeriod());
        Assert.True(state.Rules.ExcludesOtherAgencyConsultation());
        // 05-16, 05-17 (2), 05-20..05-24 (7), 05-27..05-31 (12), 06-03..06-06 (16), 06-07 端午, 06-10..06-13 (20).
        Assert.Equal(D("2019-06-13"), StatutoryClock.Read(state, D("2019-05-20"), WorkingCalendar.BuiltIn, ClockSettings.Default).Deadline);
    }

    [Fact]
    public void The_rule_set_follows_a_corrected_receipt_date()
    {
        var state = CaseDecider.Fold([Received("2019-05-15"), new CaseEvent.DateCorrected(0, D("2019-05-14"), "录错", D("2019-05-20"))]);

        Assert.Equal(RuleSet.Rules2008, state.Rules);
    }

    [Fact]
    public void Both_rule_sets_have_a_Chinese_label_naming_their_decree()
    {
        Assert.Contains("第492号", RuleSet.Rules2008.Label());
        Assert.Contains("第711号", RuleSet.Rules2019.Label());
    }

    [Theory]
    [InlineData(Channel.InPerson, "提交之日")]
    [InlineData(Channel.Post, "签收之日")]
    [InlineData(Channel.OrdinaryLetter, "确认之日")]
    [InlineData(Channel.Online, "双方确认之日")]
    [InlineData(Channel.Fax, "双方确认之日")]
    [InlineData(Channel.Email, "邮件系统收到之日")]
    [InlineData(Channel.Other, "收到申请之日")]
    public void Each_channel_has_its_receipt_date_rule_of_Article_31(Channel channel, string says)
    {
        var rule = channel.ReceiptDateRule();

        Assert.Contains(says, rule);
        Support.Scenario.AssertChinese(rule);
    }

    [Fact]
    public void Every_channel_has_a_receipt_date_rule_and_a_label()
    {
        foreach (var channel in Enum.GetValues<Channel>())
        {
            Assert.EndsWith("为收到申请之日", channel.ReceiptDateRule());
            Assert.Equal(channel, Vocabulary.ParseChannel(channel.Label()));
        }
    }
}
