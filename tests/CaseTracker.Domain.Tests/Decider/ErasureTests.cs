using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseEvent;
using static CaseTracker.Domain.Tests.Support.A;
using static CaseTracker.Domain.Tests.Support.Scenario;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Decider;

public class ErasureTests
{
    private static readonly Guid Subject = new("0e6a1f52-7c3b-4d9e-8a21-4f5b6c7d8e90");

    private static readonly Received R = Received("2023-03-01") with { Applicant = new PersonalData(Subject, "张三", "110101199003071234", "13800138000", "某路 1 号") };

    [Fact]
    public void Erasing_records_the_subject_the_reason_and_who()
    {
        Given(R, Decided("2023-03-20")).When(new C.ErasePersonalData(" 保存期限届满 ", " admin ", D("2026-03-21")))
            .Then(new PersonalDataErased(Subject, "保存期限届满", "admin", D("2026-03-21")));
    }

    [Fact]
    public void A_case_without_applicant_data_records_the_erasure_without_a_subject()
    {
        Given(Received("2023-03-01")).When(new C.ErasePersonalData("申请人要求", "admin", D("2023-03-02")))
            .Then(new PersonalDataErased(null, "申请人要求", "admin", D("2023-03-02")));
    }

    [Fact]
    public void Erasing_again_records_nothing()
    {
        Given(R, new PersonalDataErased(Subject, "申请人要求", "admin", D("2023-03-02")))
            .When(new C.ErasePersonalData("再次删除", "admin2", D("2023-04-01"))).Then();
    }

    [Fact]
    public void Refusals_name_the_rule()
    {
        Given().When(new C.ErasePersonalData("理由", "admin", D("2023-03-01"))).ThenRefused("case.not_received");
        Given(R).When(new C.ErasePersonalData("  ", "admin", D("2023-03-02"))).ThenRefused("erasure.reason_required");
        Given(R).When(new C.ErasePersonalData("理由", " ", D("2023-03-02"))).ThenRefused("erasure.by_required");
        Given(R).When(new C.ErasePersonalData("理由", "admin", D("2023-02-28"))).ThenRefused("date.before_receipt");
        Given(R).With(CasePolicy.Default with { Today = D("2023-03-02") }).When(new C.ErasePersonalData("理由", "admin", D("2023-03-03")))
            .ThenRefused("date.in_future");
    }

    [Fact]
    public void The_erasure_is_no_milestone_and_survives_later_events()
    {
        var erased = new PersonalDataErased(Subject, "申请人要求", "admin", D("2023-03-05"));
        var state = CaseDecider.Fold([R, erased, Decided("2023-03-20"), new DateCorrected(0, D("2023-02-28"), "录错", D("2023-03-21"))]);

        Assert.Equal(erased, state.Erasure);
        Assert.Equal(new PersonalData(Subject, "（个人信息已删除）", null, null, null), state.Receipt!.Applicant);
        Assert.Equal(4, state.Version);
        Assert.Equal([0, 2], state.History.Select(m => m.Number));
        Assert.Equal(D("2023-02-28"), state.Receipt!.On);
        Assert.Equal(Outcome.DisclosedProvided, state.Closure!.Outcome);
        Assert.Equal(D("2023-03-20"), state.Closure.On);
    }

    [Fact]
    public void Milestones_are_still_recorded_after_the_erasure()
    {
        Given(R, new PersonalDataErased(Subject, "申请人要求", "admin", D("2023-03-05"))).When(Answer("2023-03-20")).Then(Decided("2023-03-20"));
    }
}
