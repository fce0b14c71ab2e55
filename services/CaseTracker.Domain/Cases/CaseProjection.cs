using System.Collections.Immutable;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Domain.Cases;

/// <summary>Folds an effective history into the facts of a case.</summary>
internal static class CaseProjection
{
    public static CaseState Derive(ImmutableList<Milestone> history) =>
        history.Aggregate(CaseState.Initial with { History = history }, Apply);

    /// <summary>
    /// The facts of a state derived from its history (<see cref="Derive"/>, every state <c>CaseDecider.Evolve</c>
    /// makes) with one more milestone at the end; <paramref name="s"/> already carries the longer history. The same as
    /// deriving the longer history: a milestone's facts depend on the facts before it, never on the history itself.
    /// </summary>
    public static CaseState Next(CaseState s, Milestone m) => Apply(s, m);

    private static CaseState Apply(CaseState s, Milestone m) => m.Event switch
    {
        Received e => s with { Receipt = e },
        SupplementRequested e => s with { Supplement = new Supplement(e.On, e.Items, e.RespondBy, null, null) },
        SupplementReceived e => s with { Supplement = s.Supplement! with { ReceivedOn = e.On } },
        SupplementLapsed e => (s with { Supplement = s.Supplement! with { LapsedOn = e.On } })
            .WithClosure(e.On, Outcome.OtherSupplementLapsed, GroundList.None, m.Number),
        ConsultationStarted e => s with
        {
            Consultations = s.Consultations.Add(
                new Consultation(e.ConsultationId, e.Kind, e.Party, e.On, null, false) { PartyReceivedOn = e.PartyReceivedOn ?? e.On })
        },
        ConsultationAnswered e => EndConsultation(s, e.ConsultationId, e.On, answered: true, e.PartyAnswer, e.Reasons),
        PublicInterestDisclosureDecided e => s with
        {
            PublicInterestDisclosures = s.PublicInterestDisclosures.Add(new PublicInterestDisclosure(e.ConsultationId, e.On, e.Reasons, e.ThirdPartyNotifiedOn)),
        },
        ConsultationLapsed e => EndConsultation(s, e.ConsultationId, e.On, answered: false),
        Extended e => s with { Extension = new Extension(e.On, e.Approver, e.Reason, e.ApplicantToldOn) },
        FeeNoticeIssued e => s with { Fee = new FeeNotice(e.On, e.Amount, e.Method, e.ApplicantReceivedOn, null, null) { Quantity = e.Quantity } },
        FeePaid e => s with { Fee = s.Fee! with { PaidOn = e.On, PaidAmount = e.Amount ?? s.Fee!.Amount } },
        FeeWaived e => s with { Fee = s.Fee! with { WaivedOn = e.On, WaiverReason = e.Reason } },
        FeeLapsed e => (s with { Fee = s.Fee! with { LapsedOn = e.On } }).WithClosure(e.On, Outcome.OtherFeeUnpaid, GroundList.None, m.Number),
        ReasonsRequested e => s with { ReasonsRequestedOn = e.On },
        DelayedAnswerDateSet e => s with { AnswerBy = e.AnswerBy, AnswerByToldOn = e.ApplicantToldOn ?? e.On },
        Decided e => s.WithClosure(e.On, e.Outcome, e.WithheldGrounds, m.Number),
        Withdrawn e => s.WithClosure(e.On, Outcome.Withdrawn, GroundList.None, m.Number),
        ReconsiderationFiled e => s with { Appeals = s.Appeals.Add(new Appeal(e.AppealId, AppealKind.Reconsideration, e.On, e.Body, false, null, null)) },
        LawsuitFiled e => s with { Appeals = s.Appeals.Add(new Appeal(e.AppealId, AppealKind.Lawsuit, e.On, e.Court, e.AfterReconsideration, null, null)) },
        ReconsiderationConcluded e => ConcludeAppeal(s, e.AppealId, e.On, e.Result),
        LawsuitConcluded e => ConcludeAppeal(s, e.AppealId, e.On, e.Result),
        LetterIssued e => s with
        {
            Letters = s.Letters.Add(new IssuedLetter(e.LetterId, e.Kind, e.Subject, e.Number, e.On, m.Number, e.TemplateVersion, e.ContentHash)),
        },
        LetterDelivered e => Deliver(s, e),
        _ => s,
    };

    /// <summary>
    /// A delivery dates the applicant's (or the party's) receipt where the law counts from it: the fee payment period
    /// (国办函〔2020〕109号), the consultation's 15 working days (第三十二条、第三十四条), the 补正 period (第三十条).
    /// </summary>
    private static CaseState Deliver(CaseState s, LetterDelivered e)
    {
        if (s.Letters.FirstOrDefault(l => l.LetterId == e.LetterId) is not { } letter)
        {
            return s;
        }

        s = s with { Letters = s.Letters.Replace(letter, letter with { Delivery = new Delivery(e.Method, e.On, e.Detail, e.At) }) };
        return letter.Kind switch
        {
            LetterKind.Fee when s.Fee is { } fee => s with { Fee = fee with { ApplicantReceivedOn = e.On } },
            LetterKind.Supplement when s.Supplement is { } sup => s with { Supplement = sup with { DeliveredOn = e.On } },
            LetterKind.Consultation when s.Consultations.FirstOrDefault(c => c.Id == letter.Subject) is { } c =>
                s with { Consultations = s.Consultations.Replace(c, c with { PartyReceivedOn = e.On }) },
            _ => s,
        };
    }

    private static CaseState EndConsultation(CaseState s, string id, DateOnly on, bool answered, ThirdPartyAnswer? answer = null, string? reasons = null)
    {
        var open = s.Consultations.First(c => c.Id == id);
        var ended = open with { EndedOn = on, Answered = answered, Answer = answer, ObjectionReasons = reasons };
        return s with { Consultations = s.Consultations.Replace(open, ended) };
    }

    private static CaseState ConcludeAppeal(CaseState s, string id, DateOnly on, AppealResult result)
    {
        var appeal = s.Appeals.First(a => a.Id == id);
        return s with { Appeals = s.Appeals.Replace(appeal, appeal with { ConcludedOn = on, Result = result }) };
    }
}
