using System.Globalization;
using CaseTracker.Agencies;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.Pipeline;
using Mediator;

namespace CaseTracker.Letters;

/// <summary>Issue the letter a milestone calls for: number it (文号), render it, record it in the case history.</summary>
/// <param name="Subject">For a consultation's letters, the consultation id; otherwise empty (the latest consultation when empty).</param>
/// <param name="On">签发日期; none = today.</param>
public sealed record IssueLetter(Guid CaseId, LetterKind Kind, string? Subject = null, DateOnly? On = null) : ICommand<LetterIssuedResult>, ICaseChange
{
    public string? NewCaseAgency => null;

    public long? ExpectedVersion => null;
}

public sealed record LetterIssuedResult(Guid CaseId, string LetterId, string Number, int TemplateVersion, string ContentHash, long Version);

/// <summary>
/// 文号 per agency and year without gaps or duplicates: the next number is one more than the highest the store holds for
/// the agency and year, claimed (<see cref="UniqueClaim"/>) in the same transaction as the event. A writer that loses
/// the race for a number (or for the case's version) reads again and takes the next; a failed append writes nothing, so
/// no number is ever skipped.
/// </summary>
public sealed class IssueLetterHandler(
    IEventStore store, CasePolicy policy, RequestContext context, AgencyDirectory agencies, LetterTemplates templates, DocumentStore documents,
    TimeProvider time) : ICommandHandler<IssueLetter, LetterIssuedResult>
{
    public const string ContentCollection = "letters";
    private const int Attempts = 200;

    public static string NumberScope(string agency, int year) => $"letter-number:{agency}:{year.ToString(CultureInfo.InvariantCulture)}";

    public static string ContentKey(Guid caseId, string letterId) => $"{caseId:N}\u001f{letterId}";

    public async ValueTask<LetterIssuedResult> Handle(IssueLetter request, CancellationToken cancellationToken)
    {
        var stream = CaseStreams.For(request.CaseId);
        var on = request.On ?? time.Today();
        for (var attempt = 1; ; attempt++)
        {
            var history = await store.ReadStreamAsync(stream, cancellationToken);
            var state = CaseDecider.Fold(history.Select(e => e.Event));
            var receipt = state.Receipt ?? throw new NotFoundException("案件不存在。");
            var due = LettersDue.Find(state, request.Kind, request.Subject)
                ?? throw new DomainException("letter.not_called_for", $"本案没有需要{request.Kind.Label()}的办理环节，不能签发{request.Kind.Label()}。");
            var agency = await agencies.FindAsync(receipt.Agency, cancellationToken) ?? new Agency(receipt.Agency, null);
            if (LetterModel.Missing(agency, request.Kind) is { } missing)
            {
                throw new UserError("复议机关", missing);
            }

            var template = await templates.CurrentForIssueAsync(agency.Name, request.Kind, cancellationToken);
            var scope = NumberScope(agency.Name, on.Year);
            var taken = (await store.ClaimsAsync(scope, cancellationToken)).Keys
                .Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty().Max();
            var sequence = taken + 1;
            var number = LetterSettings.Number(LetterSettings.Prefix(agency), on.Year, sequence);
            var skeleton = LetterRenderer.Render(request.Kind, template.Text, LetterModel.Build(state, agency, due, number, on, policy), number,
                agency.Name, ChineseDate.Of(on));
            var hash = skeleton.For(receipt.Applicant, visible: true).Hash;
            var command = new CaseCommand.IssueLetter(number, request.Kind, due.Subject, number, on.Year, sequence, template.Version, hash, on);
            var events = CaseDecider.Decide(command, state, policy);
            var version = history[^1].StreamVersion;
            var result = await store.AppendAsync(
                stream,
                ExpectedVersion.Exact(version),
                events.Select(e => new NewEvent(NewEvent.NewId(), e, context.Metadata())).ToList(),
                [new UniqueClaim(scope, sequence.ToString(CultureInfo.InvariantCulture))],
                cancellationToken);
            if (result is AppendResult.Appended appended)
            {
                await documents.PutAsync(ContentCollection, ContentKey(request.CaseId, number), skeleton, context.Actor, ct: cancellationToken);
                return new LetterIssuedResult(request.CaseId, number, number, template.Version, hash, appended.StreamVersion);
            }

            if (attempt == Attempts)
            {
                throw new VersionConflictException(request.CaseId, version, version);
            }
        }
    }
}
