using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.EventStore.Tests.Infrastructure;

/// <summary>Varied, valid case histories made through the decider: supplements, consultations, extensions, answers, appeals, corrections.</summary>
public static class Histories
{
    public static (Guid CaseId, IReadOnlyList<CaseEvent> Events) Case(int i, PersonalData? applicant = null)
    {
        var caseId = new Guid(i, 0, 0, new byte[8]);
        var d = new DateOnly(2023, 3, 1).AddDays(i * 3 % 300);
        var commands = new List<CaseCommand>
        {
            new Receive(caseId, i % 2 == 0 ? "某区政务服务局" : "某区自然资源局", $"2023-{i:D4}", d, (Channel)(i % 7), (ApplicantType)(i % 6),
                applicant, "某信息", "纸质"),
        };
        if (i % 4 == 1)
        {
            commands.Add(new RequestSupplement(d.AddDays(2), "补充身份证明", d.AddDays(17)));
            commands.Add(new RecordSupplement(d.AddDays(6)));
        }

        if (i % 5 == 2)
        {
            commands.Add(new StartConsultation("c1", ConsultationKind.ThirdParty, "某公司", d.AddDays(3)));
            if (i % 10 != 7)
            {
                commands.Add(new RecordConsultationAnswer("c1", d.AddDays(10)));
            }
        }

        if (i % 6 == 3)
        {
            commands.Add(new Extend(d.AddDays(20), "公开办主任", "需要调取档案", d.AddDays(21)));
        }

        if (i % 3 != 0 && i % 10 != 7)
        {
            commands.Add(i % 3 == 1
                ? new Answer(d.AddDays(25), Outcome.DisclosedProvided, GroundList.None, "")
                : new Answer(d.AddDays(40), Outcome.PartiallyDisclosed, new GroundList([Outcome.RefusedThirdPartyRights]), ""));
            if (i % 8 == 5)
            {
                commands.Add(new FileReconsideration("r1", d.AddDays(50), "区人民政府"));
                commands.Add(new ConcludeReconsideration("r1", d.AddDays(100), AppealResult.Corrected));
            }

            if (i % 11 == 4)
            {
                commands.Add(new CorrectOutcome(Outcome.UnavailableDoesNotExist, GroundList.None, "登记错误", d.AddDays(60)));
            }
        }
        else if (i % 9 == 0)
        {
            commands.Add(new Withdraw(d.AddDays(5)));
        }

        if (i % 7 == 6)
        {
            commands.Add(new CorrectDate(0, d.AddDays(-1), "收件日期登记错误", d.AddDays(30)));
        }

        var state = CaseState.Initial;
        var events = new List<CaseEvent>();
        foreach (var command in commands)
        {
            foreach (var e in CaseDecider.Decide(command, state, CasePolicy.Default))
            {
                events.Add(e);
                state = CaseDecider.Evolve(state, e);
            }
        }

        return (caseId, events);
    }
}
