using System.Text;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;

namespace CaseTracker.ReadModels.Search;

/// <summary>
/// What the case list filters and searches on beside the case row: the description (<c>case_text</c>: FTS5 trigram on
/// SQLite, GIN over character bigrams on PostgreSQL) and the 承办人 (<c>case_assignees</c>).
/// </summary>
public sealed class CaseSearchProjection : IProjection
{
    public const string ProjectionName = "case-search.v1";

    public string Name => ProjectionName;

    public IReadOnlyList<string> Tables => ["case_text", "case_assignees"];

    public Task ApplyAsync(EventEnvelope envelope, ProjectionContext context, CancellationToken ct) =>
        ApplyPageAsync([envelope], context, ct);

    /// <summary>The page set-wise: one batch of description upserts, one of 承办人 upserts (each in page order).</summary>
    public async Task ApplyPageAsync(IReadOnlyList<EventEnvelope> page, ProjectionContext context, CancellationToken ct)
    {
        var postgres = context.Sql.Dialect != "Sqlite";
        if (context.Bulk)
        {
            StagePage(page, context, postgres);
            return;
        }

        var texts = new List<(string Name, object? Value)[]>();
        var assignees = new List<(string Name, object? Value)[]>();
        foreach (var envelope in page)
        {
            switch (envelope.Event)
            {
                case CaseEvent.Received received:
                    texts.Add(postgres
                        ? [("case_id", received.CaseId), ("description", received.Description), ("grams", Bigrams(received.Description))]
                        : [("case_id", received.CaseId), ("description", received.Description)]);
                    break;
                case CaseEvent.Assigned assigned when CaseStreams.CaseIdOf(envelope.StreamId) is { } caseId:
                    assignees.Add([("case_id", caseId), ("assignee", assigned.Assignee), ("assigned_on", assigned.On)]);
                    break;
                case CaseEvent.PersonalDataErased when CaseStreams.CaseIdOf(envelope.StreamId) is { } erasedCase:
                    // The description may name the applicant: an erased case is no longer found by its words. What the
                    // page wrote before the erasure goes first, so the delete is not undone by a later insert.
                    await FlushAsync(context, texts, assignees, ct);
                    await context.ExecuteAsync("case_text_delete_case", ct, ("case_id", erasedCase));
                    break;
            }
        }

        await FlushAsync(context, texts, assignees, ct);
    }

    /// <summary>A bulk load: each case's description (none once erased) and last 承办人, written once at the end of the load.</summary>
    private static void StagePage(IReadOnlyList<EventEnvelope> page, ProjectionContext context, bool postgres)
    {
        foreach (var envelope in page)
        {
            switch (envelope.Event)
            {
                case CaseEvent.Received received:
                    context.StageSet("case_text_delete_case", "case_text_insert", received.CaseId, [("case_id", received.CaseId)],
                    [
                        postgres
                            ? [("case_id", received.CaseId), ("description", received.Description), ("grams", Bigrams(received.Description))]
                            : [("case_id", received.CaseId), ("description", received.Description)],
                    ]);
                    break;
                case CaseEvent.Assigned assigned when CaseStreams.CaseIdOf(envelope.StreamId) is { } caseId:
                    context.Stage("case_assignee_upsert", caseId, [("case_id", caseId), ("assignee", assigned.Assignee), ("assigned_on", assigned.On)]);
                    break;
                case CaseEvent.PersonalDataErased when CaseStreams.CaseIdOf(envelope.StreamId) is { } erasedCase:
                    context.StageSet("case_text_delete_case", "case_text_insert", erasedCase, [("case_id", erasedCase)], []);
                    break;
            }
        }
    }

    private static async Task FlushAsync(
        ProjectionContext context, List<(string Name, object? Value)[]> texts, List<(string Name, object? Value)[]> assignees, CancellationToken ct)
    {
        await context.ExecuteEachAsync("case_text_insert", texts, ct);
        await context.ExecuteEachAsync("case_assignee_upsert", assignees, ct);
        texts.Clear();
        assignees.Clear();
    }

    public Task ResetAsync(ProjectionContext context, CancellationToken ct) => context.ExecuteAsync("case_text_delete_all", ct);

    /// <summary>Lower case, NFKC, no white space; what both the index and the search term are cut into.</summary>
    public static string Fold(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The distinct character bigrams of the folded text (a single character: none).</summary>
    public static string[] Bigrams(string text)
    {
        var folded = Fold(text);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < folded.Length; i++)
        {
            grams.Add(folded.Substring(i, 2));
        }

        return [.. grams];
    }
}
