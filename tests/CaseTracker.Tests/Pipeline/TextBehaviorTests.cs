using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;

namespace CaseTracker.Tests.Pipeline;

/// <summary>The text check of every command looks at what the caller sent, not at the case's stored history.</summary>
public class TextBehaviorTests
{
    private static readonly DateOnly On = new(2026, 11, 2);

    [Fact]
    public async Task A_milestone_on_a_case_whose_stored_text_holds_a_control_character_is_checked_on_its_own_fields_only()
    {
        var caseId = Guid.NewGuid();
        // A receipt written before the rule (or by a bulk path): its description holds U+0007.
        var receipt = new CaseEvent.Received(caseId, "区政府", "A-1", On, Channel.Online, ApplicantType.NaturalPerson,
            new PersonalData(Guid.NewGuid(), "张三", null, null, null), "旧数据\u0007描述", "电子邮件");
        var stored = new EventEnvelope(Guid.NewGuid(), CaseStreams.For(caseId), 1, new LogPosition(1, 1), "case.received", 1, On,
            new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)), "import", Guid.NewGuid(), null, new Dictionary<string, string>(), receipt);
        var clean = new RecordMilestone(caseId, new CaseCommand.StartConsultation("c-1", ConsultationKind.ThirdParty, "第三方", On), 1) { Loaded = [stored] };
        var bad = clean with { Command = new CaseCommand.StartConsultation("c-1", ConsultationKind.ThirdParty, "第三\u0001方", On) };
        var behavior = new TextBehavior<RecordMilestone, CaseChange>();
        var answer = new CaseChange(caseId, 2, [], CaseState.Initial);

        Assert.Same(answer, await behavior.Handle(clean, (_, _) => ValueTask.FromResult(answer), default));
        var error = await Assert.ThrowsAsync<UserError>(async () => await behavior.Handle(bad, (_, _) => ValueTask.FromResult(answer), default));
        Assert.Equal("party", error.Field);
    }
}
