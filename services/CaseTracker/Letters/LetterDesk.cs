using CaseTracker.Agencies;
using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;

namespace CaseTracker.Letters;

/// <summary>A letter as shown or printed: issued (a reprint, same 文号 and text) or a draft of one still owed.</summary>
/// <param name="HashMatches">For an issued letter shown with the applicant's data: whether its text is the one issued.</param>
public sealed record LetterView(RenderedLetter Letter, LetterDue Due, IssuedLetter? Issued, int TemplateVersion, bool? HashMatches)
{
    public bool IsDraft => Issued is null;
}

/// <summary>Finds, drafts and reprints a case's letters; the text is filled with personal data only for those allowed to see it.</summary>
public sealed class LetterDesk(AgencyDirectory agencies, LetterTemplates templates, DocumentStore documents, CasePolicy policy)
{
    public const string DraftNumber = "（文号于签发时编定）";

    public async Task<LetterView> ShowAsync(CaseFile file, LetterKind kind, string? subject, bool seesPersonalData, DateOnly today, CancellationToken ct)
    {
        var due = LettersDue.Find(file.State, kind, subject)
            ?? throw new NotFoundException($"本案没有需要{kind.Label()}的办理环节。");
        var issued = file.State.Letters.FirstOrDefault(l => l.Kind == kind && l.Subject == due.Subject);
        if (issued is not null)
        {
            return await ReprintAsync(file, issued, seesPersonalData, ct);
        }

        var agency = await AgencyAsync(file.Agency, ct);
        var template = (await templates.HistoryAsync(agency.Name, kind, ct)).Current;
        var skeleton = LetterRenderer.Render(kind, template.Text, LetterModel.Build(file.State, agency, due, DraftNumber, today, policy), DraftNumber,
            agency.Name, ChineseDate.Of(today));
        return new LetterView(skeleton.For(file.State.Receipt!.Applicant, seesPersonalData), due, null, template.Version, null);
    }

    public async Task<LetterView> ShowIssuedAsync(CaseFile file, string letterId, bool seesPersonalData, CancellationToken ct)
    {
        var issued = file.State.Letters.FirstOrDefault(l => l.LetterId == letterId) ?? throw new NotFoundException($"本案没有文书“{letterId}”。");
        return await ReprintAsync(file, issued, seesPersonalData, ct);
    }

    /// <summary>An issued letter again: the text stored at issue (personal data as placeholders), never renumbered.</summary>
    private async Task<LetterView> ReprintAsync(CaseFile file, IssuedLetter issued, bool seesPersonalData, CancellationToken ct)
    {
        var skeleton = (await documents.GetAsync<RenderedLetter>(IssueLetterHandler.ContentCollection, IssueLetterHandler.ContentKey(file.CaseId, issued.LetterId), ct))?.Value
            ?? await RerenderAsync(file, issued, ct);
        var applicant = file.State.Receipt!.Applicant;
        var due = LettersDue.Of(file.State).First(d => d.Kind == issued.Kind && d.Subject == issued.Subject);
        var full = skeleton.For(applicant, visible: true);
        return new LetterView(skeleton.For(applicant, seesPersonalData), due, issued, issued.TemplateVersion,
            seesPersonalData ? full.Hash == issued.ContentHash : null);
    }

    /// <summary>When the stored text is missing: the same template version over the case as it stood when the letter was issued.</summary>
    private async Task<RenderedLetter> RerenderAsync(CaseFile file, IssuedLetter issued, CancellationToken ct)
    {
        var before = CaseDecider.Fold(file.Events.Take(issued.Milestone).Select(e => e.Event));
        var agency = await AgencyAsync(file.Agency, ct);
        var template = await templates.VersionAsync(agency.Name, issued.Kind, issued.TemplateVersion, ct);
        var due = LettersDue.Of(before).First(d => d.Kind == issued.Kind && d.Subject == issued.Subject);
        return LetterRenderer.Render(issued.Kind, template.Text, LetterModel.Build(before, agency, due, issued.Number, issued.IssuedOn, policy),
            issued.Number, agency.Name, ChineseDate.Of(issued.IssuedOn));
    }

    /// <summary>An administrator's preview of a template text on a real case (personal data withheld), with the variables it names that the case lacks.</summary>
    public async Task<(RenderedLetter Letter, IReadOnlyList<string> Undefined)> PreviewAsync(
        CaseFile file, LetterKind kind, string text, DateOnly today, CancellationToken ct)
    {
        var agency = await AgencyAsync(file.Agency, ct);
        var due = LettersDue.Find(file.State, kind) ?? new LetterDue(kind, "", today);
        var undefined = new List<string>();
        var letter = LetterRenderer.Render(kind, text, LetterModel.Build(file.State, agency, due, DraftNumber, today, policy), DraftNumber,
            agency.Name, ChineseDate.Of(today), undefined);
        return (letter.For(file.State.Receipt!.Applicant, visible: false), undefined.Distinct().ToList());
    }

    private async Task<Agency> AgencyAsync(string name, CancellationToken ct) => await agencies.FindAsync(name, ct) ?? new Agency(name, null);
}
