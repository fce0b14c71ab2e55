using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Ledger.Import;

namespace CaseTracker.Ledger.Export;

/// <summary>One exported value: text, a date (a real date cell in XLSX) or a whole number.</summary>
public readonly record struct LedgerValue(string Text, DateOnly? Date = null, int? Number = null)
{
    public static readonly LedgerValue Empty = new("");

    public static LedgerValue Of(DateOnly? date) => date is { } d ? new(LedgerDates.Format(d), d) : Empty;

    public static LedgerValue Of(int? number) =>
        number is { } n ? new(n.ToString(System.Globalization.CultureInfo.InvariantCulture), null, n) : Empty;

    public static LedgerValue YesNo(bool value) => new(value ? "是" : "否");
}

/// <summary>A case as a ledger row: the ledger columns from its effective history, then what the clock computes.</summary>
public static class LedgerCells
{
    /// <summary>The values of <see cref="LedgerColumns.Ledger"/>, in that order.</summary>
    public static IReadOnlyList<LedgerValue> Ledger(CaseState state)
    {
        if (state.Receipt is not { } r)
        {
            return LedgerColumns.Ledger.Select(_ => LedgerValue.Empty).ToList();
        }

        var consultation = state.Consultations.FirstOrDefault();
        var reconsideration = state.Appeals.FirstOrDefault(a => a.Kind == AppealKind.Reconsideration);
        var lawsuit = state.Appeals.FirstOrDefault(a => a.Kind == AppealKind.Lawsuit);
        var closure = state.Closure;
        return
        [
            new(r.CaseNumber), new(r.Agency), LedgerValue.Of(r.On), new(r.ApplicantType.Label()), new(r.Channel.Label()),
            new(r.Applicant?.Name ?? ""), new(r.Applicant?.IdNumber ?? ""), new(r.Applicant?.Phone ?? ""), new(r.Applicant?.Address ?? ""),
            new(r.Description),
            LedgerValue.Of(state.Supplement?.RequestedOn), LedgerValue.Of(state.Supplement?.RespondBy), LedgerValue.Of(state.Supplement?.ReceivedOn),
            new(consultation?.Kind.Label() ?? ""), LedgerValue.Of(consultation?.StartedOn), LedgerValue.Of(consultation?.EndedOn),
            LedgerValue.Of(state.Extension?.On), LedgerValue.Of(state.Fee?.IssuedOn), LedgerValue.Of(state.Fee?.PaidOn),
            LedgerValue.Of(closure?.On), new(closure is null ? "" : DispositionText(closure)), new(closure is null ? "" : Detail(closure)),
            LedgerValue.Of(reconsideration?.FiledOn), new(reconsideration?.Result?.Label() ?? ""), LedgerValue.Of(reconsideration?.ConcludedOn),
            LedgerValue.Of(lawsuit?.FiledOn),
            new(lawsuit is null ? "" : lawsuit.AfterReconsideration ? LedgerVocabulary.AfterReconsideration : LedgerVocabulary.Direct),
            new(lawsuit?.Result?.Label() ?? ""), LedgerValue.Of(lawsuit?.ConcludedOn),
            LedgerValue.Of(state.ReasonsRequestedOn),
            new(state.Fee?.Method.Label() ?? ""), LedgerValue.Of(state.Fee is { Method: FeeMethod.PerVolume, Quantity: { } pages } ? pages : null),
            new(Amount(state.Fee?.Amount)), new(Amount(state.Fee?.PaidOn is null ? null : state.Fee.PaidAmount ?? state.Fee.Amount)),
            new(closure is null ? "" : (state.History.First(m => m.Number == closure.Milestone).Event as CaseEvent.Decided)?.RepeatOf ?? ""),
        ];
    }

    /// <summary>The values of <see cref="LedgerColumns.Computed"/>, in that order. 是否超期 of a closed case: answered after its deadline.</summary>
    public static IReadOnlyList<LedgerValue> Computed(ClockReading reading) =>
    [
        new(reading.StatusLabel),
        LedgerValue.Of(reading.Deadline),
        LedgerValue.Of(reading.WorkingDaysLeft),
        LedgerValue.YesNo(reading.Status == CaseStatus.Closed ? reading.ClosedLate : reading.Overdue),
        LedgerValue.YesNo(reading.Provisional),
    ];

    /// <summary>
    /// The cells a row of valid commands has, in the order of a file's header: for the rejects file, when the earlier
    /// row of a duplicate 编号 turns out to be rejected after its cells were let go. Columns that are not ledger columns stay empty.
    /// </summary>
    internal static IReadOnlyList<string> OfCommands(IEnumerable<CaseCommand> commands, IReadOnlyList<string> header, CasePolicy policy)
    {
        var values = Ledger(CaseDecider.DecideAll(commands, CaseState.Initial, policy).State);
        var columns = LedgerColumns.Ledger.ToList();
        return header.Select(name => columns.IndexOf(name) is var i and >= 0 ? values[i].Text : "").ToList();
    }

    private static string Amount(decimal? amount) => amount?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>The old ledgers' outcomes go out in their old words (with 具体情形 empty), so that the row imports again.</summary>
    private static string DispositionText(Closure closure) =>
        closure.Outcome.IsLegacy() ? closure.Outcome.Info().Pre2019 : closure.Outcome.Info().Disposition.Label();

    private static string Detail(Closure closure) => closure.Outcome switch
    {
        Outcome.PartiallyDisclosed => string.Join("；", closure.WithheldGrounds.Items.Select(g => g.Info().Detail)),
        _ when closure.Outcome.IsLegacy() => "",
        _ => closure.Outcome.Info().Detail,
    };
}
