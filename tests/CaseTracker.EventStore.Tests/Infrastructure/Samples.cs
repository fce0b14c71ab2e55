using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;

namespace CaseTracker.EventStore.Tests.Infrastructure;

public static class Samples
{
    public static readonly EventMetadata Clerk = new("clerk-01", Guid.NewGuid());

    public static NewEvent One(CaseEvent e, EventMetadata? metadata = null) => new(Guid.NewGuid(), e, metadata ?? Clerk);

    public static IReadOnlyList<NewEvent> New(params CaseEvent[] events) => events.Select(e => One(e)).ToList();

    public static PersonalData Applicant(string name = "张三") =>
        new(Guid.NewGuid(), name, "110101199001011234", "13800000000", "北京市东城区某街1号");

    public static CaseEvent.Received Received(Guid caseId, DateOnly on, PersonalData? applicant = null) =>
        new(caseId, "某区政务服务局", $"2023-{caseId.ToString()[..6]}", on, Channel.InPerson, ApplicantType.NaturalPerson, applicant, "某信息", "纸质");

    public static CaseEvent.SupplementRequested Supplement(DateOnly on) => new(on, "补充身份证明", on.AddDays(15));

    public static CaseEvent.Decided Disclosed(DateOnly on) => new(on, Outcome.DisclosedProvided, GroundList.None, "");

    public static IReadOnlyList<NewEvent> Batch(Guid caseId, int count, DateOnly on)
    {
        var events = new List<CaseEvent> { Received(caseId, on) };
        for (var i = 1; i < count; i++)
        {
            events.Add(new CaseEvent.ConsultationStarted($"c{i}", ConsultationKind.ThirdParty, $"第三方{i}", on.AddDays(1)));
        }

        return New([.. events]);
    }
}
