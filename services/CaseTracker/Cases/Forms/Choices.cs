using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;

namespace CaseTracker.Cases.Forms;

/// <summary>The closed lists of the forms, with their Chinese labels.</summary>
public static class Choices
{
    public static readonly IReadOnlyList<(ConsultationKind Value, string Label)> ConsultationKinds =
        Enum.GetValues<ConsultationKind>().Select(k => (k, k.Label())).ToList();

    public static readonly IReadOnlyList<(ThirdPartyAnswer Value, string Label)> ThirdPartyAnswers =
        Enum.GetValues<ThirdPartyAnswer>().Select(k => (k, k.Label())).ToList();

    public static readonly IReadOnlyList<(FeeMethod Value, string Label)> FeeMethods =
        Enum.GetValues<FeeMethod>().Select(k => (k, k.Label())).ToList();

    public static readonly IReadOnlyList<(AppealResult Value, string Label)> AppealResults =
        Enum.GetValues<AppealResult>().Select(k => (k, k.Label())).ToList();

    /// <summary>The outcomes a caseworker decides (条例第三十六条); lapses and withdrawal have their own milestones.</summary>
    public static readonly IReadOnlyList<(Outcome Value, string Label)> Decisions =
        Enum.GetValues<Outcome>().Where(o => o.IsDecision() && !o.IsLegacy()).Select(o => (o, o.Label())).ToList();

    public static readonly IReadOnlyList<(Outcome Value, string Label)> AllOutcomes =
        Enum.GetValues<Outcome>().Select(o => (o, o.Label())).ToList();

    /// <summary>条例第三十七条: the grounds for withholding part of the information.</summary>
    public static readonly IReadOnlyList<(Outcome Value, string Label)> WithholdingGrounds =
        Enum.GetValues<Outcome>().Where(o => o.IsWithholdingGround()).Select(o => (o, o.Label())).ToList();

    public static IReadOnlyList<(string, string)> OpenConsultations(CaseState state) =>
        state.Consultations.Where(c => c.IsOpen).Select(c => (c.Id, $"{c.Id}：{c.Party}（{c.StartedOn:yyyy-MM-dd}）")).ToList();

    /// <summary>Third-party consultations answered 不同意公开 (条例第三十二条), for a public-interest disclosure decision.</summary>
    public static IReadOnlyList<(string, string)> ObjectedConsultations(CaseState state) =>
        state.Consultations.Where(c => c.Objected).Select(c => (c.Id, $"{c.Id}：{c.Party}不同意公开（{c.ObjectionReasons}）")).ToList();

    public static IReadOnlyList<(string, string)> OpenAppeals(CaseState state, AppealKind kind) =>
        state.Appeals.Where(a => a.Kind == kind && a.ConcludedOn is null).Select(a => (a.Id, $"{a.Id}：{a.Forum}（{a.FiledOn:yyyy-MM-dd}）")).ToList();

    public static IReadOnlyList<(string, string)> Milestones(CaseState state) =>
        state.History.Select(m => (m.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"#{m.Number} {EventText.Title(m.Event)}（{m.Event.On:yyyy-MM-dd}）")).ToList();
}
