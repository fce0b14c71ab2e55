using CaseTracker.Domain.Applicants;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;
using CaseTracker.Search;

namespace CaseTracker.ReadModels.Applicants;

/// <summary>
/// <c>applicant_keys</c>: per case, the keyed hashes of its applicant's name, ID number and phone (<see cref="ApplicantKeys"/>),
/// with the agency and the day received (per-applicant counts by month). Erased data hashes to nothing; erasure deletes
/// the rows with the key.
/// </summary>
public sealed class ApplicantKeysProjection(ApplicantKeyring keyring) : IProjection
{
    public const string ProjectionName = "applicant-keys.v1";

    public string Name => ProjectionName;

    public IReadOnlyList<string> Tables => ["applicant_keys"];

    public Task ApplyAsync(EventEnvelope envelope, ProjectionContext context, CancellationToken ct) =>
        ApplyPageAsync([envelope], context, ct);

    /// <summary>The page's receipts set-wise: one batch of deletes, then one of upserts (in page order).</summary>
    public async Task ApplyPageAsync(IReadOnlyList<EventEnvelope> page, ProjectionContext context, CancellationToken ct)
    {
        // A case's last receipt in the page decides its rows (as applying the receipts one by one would); an erasure
        // leaves the case without rows.
        var byCase = new Dictionary<Guid, List<(string Name, object? Value)[]>>();
        ApplicantKeys? keys = null;
        foreach (var envelope in page)
        {
            if (envelope.Event is CaseEvent.PersonalDataErased && CaseStreams.CaseIdOf(envelope.StreamId) is { } erasedCase)
            {
                byCase[erasedCase] = [];
                continue;
            }

            if (envelope.Event is not CaseEvent.Received received)
            {
                continue;
            }

            var rows = byCase[received.CaseId] = [];
            if (received.Applicant is not { } applicant)
            {
                continue;
            }

            keys ??= await keyring.GetAsync(context.Connection, context.Transaction, ct);
            (object caseId, object subjectId, object receivedOn) = (received.CaseId, applicant.SubjectId, received.On); // boxed once for the case's rows
            foreach (var key in keys.Of(applicant))
            {
                rows.Add(
                [
                    ("case_id", caseId), ("subject_id", subjectId), ("agency", received.Agency), ("received_on", receivedOn),
                    ("kind", ApplicantKeys.KindName(key.Kind)), ("hash", key.Hash),
                ]);
            }
        }

        if (context.Bulk)
        {
            // A bulk load: each case's rows as of its last receipt or erasure, written once at the end of the load.
            foreach (var (caseId, rows) in byCase)
            {
                context.StageSet("applicant_keys_delete_case", "applicant_keys_load", caseId, [("case_id", caseId)], rows);
            }

            return;
        }

        await context.ExecuteEachAsync("applicant_keys_delete_case", byCase.Keys.Select(c => new (string, object?)[] { ("case_id", c) }).ToList(), ct);
        await context.ExecuteEachAsync("applicant_keys_upsert", byCase.Values.SelectMany(r => r).ToList(), ct);
    }

    public Task ResetAsync(ProjectionContext context, CancellationToken ct) => context.ExecuteAsync("applicant_keys_delete_all", ct);
}
