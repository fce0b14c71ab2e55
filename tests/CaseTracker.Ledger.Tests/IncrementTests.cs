using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Ledger.Import;
using static CaseTracker.Domain.Cases.CaseCommand;
using static CaseTracker.Ledger.Tests.MappingTests;

namespace CaseTracker.Ledger.Tests;

public class IncrementTests
{
    private static readonly CasePolicy Policy = CasePolicy.Default;

    internal static CaseState Apply(IEnumerable<CaseCommand> commands, CaseState? from = null) =>
        commands.Aggregate(from ?? CaseState.Initial, (state, command) => CaseDecider.Decide(command, state, Policy).Aggregate(state, CaseDecider.Evolve));

    private static PlannedCase Planned(Dictionary<string, string> row) => Assert.Single(Imports.Plan(LedgerFiles.Csv(row)).CasesToImport);

    [Fact]
    public void Every_milestone_the_mapping_produces_is_idempotent_in_the_decider()
    {
        var planned = Planned(FullRow());
        var state = Apply(planned.Commands);

        Assert.Equal(12, state.History.Count);
        Assert.All(planned.Commands, command => Assert.Empty(CaseDecider.Decide(command, state, Policy)));
    }

    [Theory]
    [InlineData("撤回", "")]
    [InlineData("其他处理", "逾期未缴费")]
    [InlineData("不予公开", "属于国家秘密")]
    public void Every_closure_the_mapping_produces_is_idempotent_in_the_decider(string disposition, string detail)
    {
        var planned = Planned(LedgerFiles.Row().With("收费通知日期", "2023-03-10").With("答复日期", "2023-04-20").With("答复类型", disposition).With("具体情形", detail));
        var state = Apply(planned.Commands);

        Assert.All(planned.Commands, command => Assert.Empty(CaseDecider.Decide(command, state, Policy)));
    }

    [Fact]
    public void Importing_the_same_row_again_adds_nothing()
    {
        var planned = Planned(FullRow());
        var stored = Apply(planned.Commands);

        var delta = LedgerIncrement.NewCommands(planned, stored, Policy);

        Assert.Empty(delta.Commands);
        Assert.Empty(delta.Problems);
    }

    [Fact]
    public void A_new_case_gets_all_its_commands()
    {
        var planned = Planned(FullRow());

        var delta = LedgerIncrement.NewCommands(planned, CaseState.Initial, Policy);

        Assert.Equal(planned.Commands, delta.Commands);
    }

    [Fact]
    public void Later_milestones_of_a_known_case_are_appended()
    {
        var open = Planned(LedgerFiles.Row().With("补正告知日期", "2023-03-08"));
        var stored = Apply(open.Commands);
        var later = Planned(LedgerFiles.Row().With("补正告知日期", "2023-03-08").With("补正收到日期", "2023-03-14")
            .With("答复日期", "2023-04-03").With("答复类型", "无法提供").With("具体情形", "补正后申请内容仍不明确"));

        var delta = LedgerIncrement.NewCommands(later, stored, Policy);

        Assert.Equal(
            [new RecordSupplement(D(2023, 3, 14)), new Answer(D(2023, 4, 3), Outcome.UnavailableUnclearAfterSupplement, GroundList.None, "")],
            delta.Commands);
        Assert.Empty(LedgerIncrement.NewCommands(later, Apply(delta.Commands, stored), Policy).Commands);
    }

    [Fact]
    public void Milestones_entered_live_with_details_the_ledger_lacks_are_recognised_and_not_repeated()
    {
        var caseId = LedgerIds.CaseId("某区政务服务局", "2023-001");
        var stored = Apply(
        [
            new Receive(caseId, "某区政务服务局", "2023-001", D(2023, 3, 7), Channel.Online, ApplicantType.NaturalPerson,
                new PersonalData(Guid.NewGuid(), "李四", null, "010-1", null), "某信息", "纸质"),
            new RequestSupplement(D(2023, 3, 8), "请明确所需信息的名称", D(2023, 3, 22)),
            new RecordSupplement(D(2023, 3, 10)),
            new StartConsultation("c-42", ConsultationKind.OtherAgency, "某市规划局", D(2023, 3, 13)),
            new RecordConsultationAnswer("c-42", D(2023, 3, 17)),
            new IssueFeeNotice(D(2023, 3, 20), 250m, FeeMethod.PerVolume, D(2023, 3, 21)),
            new RecordFeePayment(D(2023, 3, 23)),
            new Extend(D(2023, 4, 3), "王主任", "需要调取档案", D(2023, 4, 4)),
            new Answer(D(2023, 4, 20), Outcome.DisclosedProvided, GroundList.None, "已邮寄"),
            new FileReconsideration("R-7", D(2023, 5, 4), "某市人民政府"),
        ]);
        var ledger = Planned(LedgerFiles.Row().With("补正告知日期", "2023-03-08").With("补正期限", "2023-03-22").With("补正收到日期", "2023-03-10")
            .With("征求意见对象", "其他机关").With("征求意见开始日期", "2023-03-13").With("征求意见结束日期", "2023-03-17")
            .With("收费通知日期", "2023-03-20").With("缴费日期", "2023-03-23").With("延期日期", "2023-04-03")
            .With("答复日期", "2023-04-20").With("答复类型", "予以公开")
            .With("行政复议日期", "2023-05-04").With("行政复议结果", "结果纠正").With("行政复议审结日期", "2023-06-30"));

        var delta = LedgerIncrement.NewCommands(ledger, stored, Policy);

        Assert.Empty(delta.Problems);
        Assert.Equal([new ConcludeReconsideration("R-7", D(2023, 6, 30), AppealResult.Corrected)], delta.Commands);
    }

    [Fact]
    public void A_ledger_that_contradicts_the_stored_receipt_is_reported_not_applied()
    {
        var stored = Apply(Planned(LedgerFiles.Row()).Commands);
        var changed = Planned(LedgerFiles.Row().With("申请人类型", "商业企业").With("答复日期", "2023-03-20").With("答复类型", "予以公开"));

        var delta = LedgerIncrement.NewCommands(changed, stored, Policy);

        Assert.Empty(delta.Commands);
        var problem = Assert.Single(delta.Problems);
        Assert.Equal((2, "收到日期"), (problem.Row, problem.Column));
        Assert.Contains("与系统中已登记的（2023-03-07、自然人、网络）不一致", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ledger_with_another_outcome_than_the_stored_decision_is_refused_with_the_decider_reason()
    {
        var stored = Apply(Planned(LedgerFiles.Row().With("答复日期", "2023-03-20").With("答复类型", "予以公开")).Commands);
        var changed = Planned(LedgerFiles.Row().With("答复日期", "2023-03-20").With("答复类型", "不予公开").With("具体情形", "属于国家秘密"));

        var delta = LedgerIncrement.NewCommands(changed, stored, Policy);

        Assert.Empty(delta.Commands);
        Assert.StartsWith("与系统中已有的办理记录不一致：本案已于2023-03-20办结", Assert.Single(delta.Problems).Reason, StringComparison.Ordinal);
    }
}
