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
    public string Name => "applicant-keys.v1";

    public async Task ApplyAsync(EventEnvelope envelope, ProjectionContext context, CancellationToken ct)
    {
        if (envelope.Event is CaseEvent.PersonalDataErased && CaseStreams.CaseIdOf(envelope.StreamId) is { } erasedCase)
        {
            await context.ExecuteAsync("applicant_keys_delete_case", ct, ("case_id", erasedCase));
            return;
        }

        if (envelope.Event is not CaseEvent.Received received)
        {
            return;
        }

        await context.ExecuteAsync("applicant_keys_delete_case", ct, ("case_id", received.CaseId));
        if (received.Applicant is not { } applicant)
        {
            return;
        }

        var keys = await keyring.GetAsync(context.Connection, context.Transaction, ct);
        foreach (var key in keys.Of(applicant))
        {
            await context.ExecuteAsync("applicant_keys_upsert", ct,
                ("case_id", received.CaseId), ("subject_id", applicant.SubjectId), ("agency", received.Agency), ("received_on", received.On),
                ("kind", ApplicantKeys.KindName(key.Kind)), ("hash", key.Hash));
        }
    }

    public Task ResetAsync(ProjectionContext context, CancellationToken ct) => context.ExecuteAsync("applicant_keys_delete_all", ct);
}
