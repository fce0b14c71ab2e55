using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;

namespace CaseTracker.Erasure;

/// <summary><c>personal_data_erasures</c>: one row per case whose applicant's personal data was erased (migration 0080).</summary>
public sealed class ErasureProjection : IProjection
{
    public string Name => "personal-data-erasures.v1";

    public IReadOnlyList<string> Tables => ["personal_data_erasures"];

    public async Task ApplyAsync(EventEnvelope envelope, ProjectionContext context, CancellationToken ct)
    {
        if (envelope.Event is CaseEvent.PersonalDataErased erased && CaseStreams.CaseIdOf(envelope.StreamId) is { } caseId)
        {
            await context.ExecuteAsync("erasures_upsert", ct,
                ("case_id", caseId), ("subject_id", erased.SubjectId), ("erased_on", erased.On), ("reason", erased.Reason),
                ("erased_by", erased.By), ("recorded_at", envelope.RecordedAt));
        }
    }

    public Task ResetAsync(ProjectionContext context, CancellationToken ct) => context.ExecuteAsync("erasures_delete_all", ct);
}
