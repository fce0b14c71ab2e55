using System.Globalization;
using CaseTracker.Agencies;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Letters;

/// <summary>
/// The variables a template sees (documented in README.md). The applicant's personal data enters only as placeholders
/// (<see cref="PersonalFields"/>), filled in for those allowed to see it after rendering, so that nothing stored holds it.
/// </summary>
public static class LetterModel
{
    public static Dictionary<string, object?> Build(CaseState s, Agency agency, LetterDue due, string number, DateOnly date, CasePolicy policy)
    {
        var receipt = s.Receipt!;
        var model = new Dictionary<string, object?>
        {
            ["agency"] = agency.Name,
            ["number"] = number,
            ["date"] = ChineseDate.Of(date),
            ["case_number"] = receipt.CaseNumber,
            ["received_on"] = ChineseDate.Of(receipt.On),
            ["channel"] = receipt.Channel.Label(),
            ["receipt_rule"] = receipt.Channel.ReceiptDateRule(),
            ["response_days"] = s.Rules.ResponsePeriod(),
            ["applicant_type"] = receipt.ApplicantType.Label(),
            ["description"] = receipt.Description,
            ["requested_form"] = receipt.RequestedForm,
            ["applicant"] = PersonalFields.Placeholders(),
            ["reasons_requested_on"] = ChineseDate.Of(s.ReasonsRequestedOn),
        };
        if (s.Supplement is { } sup)
        {
            var days = sup.RespondBy is { } by && by > sup.RequestedOn
                ? policy.Calendar.CountWorkingDays(sup.RequestedOn, by).Days
                : policy.Settings.SupplementDefaultDays;
            model["supplement"] = Map(("items", sup.Items), ("days", days), ("requested_on", ChineseDate.Of(sup.RequestedOn)));
        }

        if (s.Extension is { } x)
        {
            var deadline = StatutoryClock.Deadline(s, policy.Calendar, policy.Settings).Deadline;
            model["extension"] = Map(("reason", x.Reason), ("approver", x.Approver), ("days", s.Rules.ExtensionPeriod()),
                ("deadline", ChineseDate.Of(deadline)));
        }

        if (s.Consultations.FirstOrDefault(c => c.Id == due.Subject) is { } consultation)
        {
            model["consultation"] = Map(("id", consultation.Id), ("party", consultation.Party), ("kind", consultation.Kind.Label()),
                ("third_party", consultation.Kind == ConsultationKind.ThirdParty));
        }

        if (s.Fee is { } fee)
        {
            model["fee"] = Map(("amount", fee.Amount.ToString("0.00", CultureInfo.InvariantCulture)), ("method", fee.Method.Label()));
        }

        if (s.AnswerBy is { } answerBy)
        {
            model["delay"] = Map(("answer_by", ChineseDate.Of(answerBy)));
        }

        if (s.Closure is { } closure)
        {
            model["decision"] = Decision(s, closure);
            model["withdrawal"] = Map(("on", ChineseDate.Of(closure.On)));
            model["remedy"] = Remedy(agency.Letters);
        }

        return model;
    }

    /// <summary>What the case lacks for a letter to be issued (the remedy bodies of an answer), in Chinese; null when nothing.</summary>
    public static string? Missing(Agency agency, LetterKind kind) =>
        kind == LetterKind.Answer && (agency.Letters?.ReconsiderationBody is not { Length: > 0 } || agency.Letters?.Court is not { Length: > 0 })
            ? $"“{agency.Name}”尚未设置复议机关和管辖法院，答复书的救济途径无法写明：请系统管理员在“文书设置”中填写后再签发。"
            : null;

    public static string Basis(IEnumerable<Provision> provisions)
    {
        var list = provisions.ToList();
        var articles = list.Where(p => p.Citation.StartsWith(Provisions.Regulation, StringComparison.Ordinal))
            .Select(p => p.Citation[Provisions.Regulation.Length..]).ToList();
        var parts = new List<string>();
        if (articles.Count > 0)
        {
            parts.Add(Provisions.Regulation + string.Join("、", articles));
        }

        parts.AddRange(list.Where(p => !p.Citation.StartsWith(Provisions.Regulation, StringComparison.Ordinal)).Select(p => p.Citation));
        return string.Join("和", parts);
    }

    private static Dictionary<string, object?> Decision(CaseState s, Closure closure)
    {
        var note = s.History.FirstOrDefault(m => m.Number == closure.Milestone)?.Event is Decided d ? d.Note : "";
        var provisions = Provisions.For(closure.Outcome, closure.WithheldGrounds);
        var grounds = closure.WithheldGrounds.Items.Select(g => (object?)Map(
            ("label", g.Label()), ("finding", g.Label()), ("basis", Basis(Provisions.For(g))))).ToList();
        return Map(
            ("outcome", closure.Outcome.Label()),
            ("disposition", closure.Outcome.Info().Disposition.Label()),
            ("finding", Provisions.Finding(closure.Outcome)),
            ("note", note),
            ("on", ChineseDate.Of(closure.On)),
            ("basis", Basis(provisions)),
            ("provisions", provisions.Select(p => (object?)Map(("citation", p.Citation), ("text", p.Text))).ToList()),
            ("grounds", grounds));
    }

    private static Dictionary<string, object?> Remedy(LetterSettings? settings)
    {
        var body = settings?.ReconsiderationBody is { Length: > 0 } b ? b : "【复议机关未设置】";
        var court = settings?.Court is { Length: > 0 } c ? c : "【管辖法院未设置】";
        return Map(("reconsideration_body", body), ("court", court), ("clause",
            $"如对本答复不服，可以自收到本答复书之日起60日内向{body}申请行政复议，也可以自收到本答复书之日起6个月内向{court}提起行政诉讼。"));
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);
}

/// <summary>The applicant's personal data in a rendered letter: placeholders, filled per viewer.</summary>
public static class PersonalFields
{
    private static readonly (string Key, Func<PersonalData, string?> Value)[] Fields =
    [
        ("name", p => p.Name), ("address", p => p.Address), ("phone", p => p.Phone), ("id_number", p => p.IdNumber),
    ];

    public static Dictionary<string, object?> Placeholders() => Fields.ToDictionary(f => f.Key, f => (object?)Token(f.Key));

    /// <summary>
    /// The text with the applicant's data, for someone allowed to see it; otherwise the name reads 申请人 and the rest is
    /// withheld. An applicant without recorded data (an organisation entered without it) reads 申请人.
    /// </summary>
    public static string Fill(string text, PersonalData? applicant, bool visible)
    {
        foreach (var (key, value) in Fields)
        {
            var shown = visible && applicant is not null ? value(applicant) ?? "" : key == "name" ? "申请人" : "（不予显示）";
            text = text.Replace(Token(key), key == "name" && shown.Length == 0 ? "申请人" : shown, StringComparison.Ordinal);
        }

        return text;
    }

    private static string Token(string key) => $"\u0001{key}\u0001";
}
