using CaseTracker.Domain.Cases;
using static CaseTracker.Domain.Cases.CaseEvent;
using static CaseTracker.Domain.Tests.Support.A;
using static CaseTracker.Domain.Tests.Support.Scenario;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Decider;

public class AssignmentTests
{
    private static readonly Received R = Received("2023-03-01");

    [Fact]
    public void Reassigning_records_the_change_and_the_same_assignee_again_records_nothing()
    {
        Given(R, new Assigned("王芳", D("2023-03-01"))).When(new C.Assign("李明", D("2023-03-06"))).Then(new Assigned("李明", D("2023-03-06")));
        Given(R, new Assigned("王芳", D("2023-03-01"))).When(new C.Assign("王芳", D("2023-03-06"))).Then();
    }

    [Fact]
    public void The_assignee_is_the_last_one_named_and_is_no_milestone()
    {
        var state = CaseDecider.Fold([R, new Assigned("王芳", D("2023-03-01")), SupplementRequested("2023-03-03"), new Assigned("李明", D("2023-03-06"))]);
        Assert.Equal("李明", state.Assignee);
        Assert.Equal(4, state.Version);
        Assert.Equal([0, 2], state.History.Select(m => m.Number));
        Assert.NotNull(state.Supplement);
    }

    [Fact]
    public void A_correction_after_an_assignment_keeps_the_assignee()
    {
        var state = CaseDecider.Fold([R, new Assigned("王芳", D("2023-03-01")), new DateCorrected(0, D("2023-02-28"), "录错", D("2023-03-02"))]);
        Assert.Equal("王芳", state.Assignee);
        Assert.Equal(D("2023-02-28"), state.Receipt!.On);
    }

    [Fact]
    public void Refusals_name_the_rule()
    {
        Given().When(new C.Assign("王芳", D("2023-03-01"))).ThenRefused("case.not_received");
        Given(R).When(new C.Assign("  ", D("2023-03-01"))).ThenRefused("assignment.assignee_required");
        Given(R).When(new C.Assign("王芳", D("2023-02-27"))).ThenRefused("date.before_receipt");
        Given(R).With(CasePolicy.Default with { Today = D("2023-03-02") }).When(new C.Assign("王芳", D("2023-03-03"))).ThenRefused("date.in_future");
    }
}
