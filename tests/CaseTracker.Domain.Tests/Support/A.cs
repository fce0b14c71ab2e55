using System.Globalization;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Domain.Tests.Support;

/// <summary>Terse builders for test histories. Dates are written as the caseworker would: "2023-09-22".</summary>
public static class A
{
    public static readonly Guid CaseId = new("6f1c1d7e-0000-4000-8000-000000000001");

    public static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Received Received(string on, ApplicantType type = ApplicantType.NaturalPerson, Channel channel = Channel.InPerson) =>
        new(CaseId, "某区政务服务局", "2023-001", D(on), channel, type, null, "某项目的审批文件", "纸质");

    public static CaseCommand.Receive Receive(string on, ApplicantType type = ApplicantType.NaturalPerson, Channel channel = Channel.InPerson) =>
        new(CaseId, "某区政务服务局", "2023-001", D(on), channel, type, null, "某项目的审批文件", "纸质");

    public static Decided Decided(string on, Outcome outcome = Outcome.DisclosedProvided) => new(D(on), outcome, GroundList.None, "");

    public static CaseCommand.Answer Answer(string on, Outcome outcome = Outcome.DisclosedProvided, params Outcome[] grounds) =>
        new(D(on), outcome, new GroundList(grounds), "");

    public static SupplementRequested SupplementRequested(string on) => new(D(on), "请补充所需信息的名称或文号", null);

    public static Extended Extended(string on) => new(D(on), "公开办主任", "需调取档案", D(on));

    public static CaseCommand.Extend Extend(string on) => new(D(on), "公开办主任", "需调取档案", D(on));

    public static ConsultationStarted ThirdParty(string id, string on) => new(id, ConsultationKind.ThirdParty, "某公司", D(on), D(on));

    public static FeeNoticeIssued FeeNotice(string on, string applicantReceivedOn) => new(D(on), 100m, FeeMethod.PerItem, D(applicantReceivedOn));
}
