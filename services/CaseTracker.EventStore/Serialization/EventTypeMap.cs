using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.EventStore.Serialization;

/// <summary>
/// The stable names under which events are stored, written by hand: renaming a C# type changes nothing stored.
/// A name is never reused; a new shape of an event keeps its name and raises its schema version (see <see cref="Upcasters"/>).
/// </summary>
public static class EventTypeMap
{
    private static readonly (Type Type, string Name, int Version)[] Entries =
    [
        (typeof(Received), "case.received", 1),
        (typeof(SupplementRequested), "case.supplement-requested", 1),
        (typeof(SupplementReceived), "case.supplement-received", 1),
        (typeof(SupplementLapsed), "case.supplement-lapsed", 1),
        (typeof(ConsultationStarted), "case.consultation-started", 2),
        (typeof(ConsultationAnswered), "case.consultation-answered", 1),
        (typeof(ConsultationLapsed), "case.consultation-lapsed", 1),
        (typeof(Extended), "case.extended", 2),
        (typeof(PublicInterestDisclosureDecided), "case.public-interest-disclosure-decided", 1),
        (typeof(FeeNoticeIssued), "case.fee-notice-issued", 1),
        (typeof(FeePaid), "case.fee-paid", 1),
        (typeof(FeeLapsed), "case.fee-lapsed", 1),
        (typeof(FeeWaived), "case.fee-waived", 1),
        (typeof(ReasonsRequested), "case.reasons-requested", 1),
        (typeof(DelayedAnswerDateSet), "case.delayed-answer-date-set", 2),
        (typeof(Decided), "case.decided", 1),
        (typeof(Withdrawn), "case.withdrawn", 1),
        (typeof(ReconsiderationFiled), "case.reconsideration-filed", 1),
        (typeof(ReconsiderationConcluded), "case.reconsideration-concluded", 1),
        (typeof(LawsuitFiled), "case.lawsuit-filed", 1),
        (typeof(LawsuitConcluded), "case.lawsuit-concluded", 1),
        (typeof(DateCorrected), "case.date-corrected", 1),
        (typeof(OutcomeCorrected), "case.outcome-corrected", 1),
        (typeof(ApplicantTypeCorrected), "case.applicant-type-corrected", 1),
        (typeof(LetterIssued), "case.letter-issued", 1),
        (typeof(LetterDelivered), "case.letter-delivered", 1),
        (typeof(Assigned), "case.assigned", 1),
        (typeof(DocumentAttached), "case.document-attached", 1),
        (typeof(PersonalDataErased), "case.personal-data-erased", 1),
    ];

    private static readonly Dictionary<Type, (string Name, int Version)> ByType =
        Entries.ToDictionary(e => e.Type, e => (e.Name, e.Version));

    private static readonly Dictionary<string, (Type Type, int Version)> ByName =
        Entries.ToDictionary(e => e.Name, e => (e.Type, e.Version));

    public static IReadOnlyList<string> Names { get; } = Entries.Select(e => e.Name).ToList();

    public static (string Name, int Version) Of(Type type) =>
        ByType.TryGetValue(type, out var entry) ? entry : throw new InvalidOperationException($"事件类型 {type.Name} 没有登记存储名称");

    public static (Type Type, int Version) Of(string name) =>
        ByName.TryGetValue(name, out var entry) ? entry : throw new InvalidOperationException($"未知的事件存储名称：{name}");
}
