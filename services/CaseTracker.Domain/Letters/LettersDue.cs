using CaseTracker.Domain.Outcomes;

namespace CaseTracker.Domain.Cases;

/// <summary>A letter a case calls for: its kind and, for a consultation, which one; <paramref name="Since"/> is the milestone's date.</summary>
public sealed record LetterDue(LetterKind Kind, string Subject, DateOnly Since);

/// <summary>Which letters a case calls for, from its milestones.</summary>
public static class LettersDue
{
    /// <summary>Every letter the case's milestones call for, in the order of the milestones.</summary>
    public static IReadOnlyList<LetterDue> Of(CaseState s)
    {
        if (s.Receipt is not { } receipt)
        {
            return [];
        }

        var due = new List<LetterDue> { new(LetterKind.Receipt, "", receipt.On) };
        if (s.Supplement is { } supplement)
        {
            due.Add(new(LetterKind.Supplement, "", supplement.RequestedOn));
        }

        foreach (var c in s.Consultations)
        {
            due.Add(new(LetterKind.Consultation, c.Id, c.StartedOn));
            due.Add(new(LetterKind.ConsultationNotice, c.Id, c.StartedOn));
        }

        if (s.Extension is { } extension)
        {
            due.Add(new(LetterKind.Extension, "", extension.On));
        }

        if (s.Fee is { } fee)
        {
            due.Add(new(LetterKind.Fee, "", fee.IssuedOn));
        }

        if (s.ReasonsRequestedOn is { } reasons)
        {
            due.Add(new(LetterKind.Reasons, "", reasons));
        }

        if (s.AnswerBy is not null && s.History.Select(m => m.Event).OfType<CaseEvent.DelayedAnswerDateSet>().LastOrDefault() is { } delay)
        {
            due.Add(new(LetterKind.Delay, "", delay.On));
        }

        // A case closed in the words of the old local tables (received before 2019-05-15, imported from a ledger) was
        // answered under the 2007 regulations, outside this system: no 答复书 of today's regulations is owed for it.
        if (s.Closure is { } closure && !closure.Outcome.IsLegacy())
        {
            due.Add(new(closure.Outcome == Outcome.Withdrawn ? LetterKind.Withdrawal : LetterKind.Answer, "", closure.On));
        }

        return due.OrderBy(d => d.Since).ToList();
    }

    /// <summary>The letters called for and not issued yet.</summary>
    public static IReadOnlyList<LetterDue> Owed(CaseState s) =>
        Of(s).Where(d => !s.Letters.Any(l => l.Kind == d.Kind && l.Subject == d.Subject)).ToList();

    /// <summary>The letter of a kind the case calls for; for a consultation, the one named or else the latest.</summary>
    public static LetterDue? Find(CaseState s, LetterKind kind, string? subject = null) =>
        Of(s).LastOrDefault(d => d.Kind == kind && (string.IsNullOrEmpty(subject) || d.Subject == subject));
}
