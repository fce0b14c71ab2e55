using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;

namespace CaseTracker.ReadModels.CaseList;

/// <summary>
/// The case read model (one row per case). Every event type is handled the same way on purpose: the row is a function
/// of the case folded with <see cref="CaseDecider.Evolve"/> and the statutory clock, so that a correction of any
/// earlier milestone carries through to every column it touches. The folded state is kept per stream between
/// events and reloaded from the stream when it is missing or stale.
/// </summary>
public sealed class CaseListProjection(Func<CasePolicy> policy) : IProjection
{
    /// <summary>A projection with a fixed policy (tests, benchmarks); the product passes the current one (<c>PolicySource</c>).</summary>
    public CaseListProjection(CasePolicy policy)
        : this(() => policy)
    {
    }

    private const int MaxCachedCases = 50_000;
    private readonly Dictionary<string, CaseState> _states = [];

    public const string ProjectionName = "case-list.v2";

    public string Name => ProjectionName;

    public IReadOnlyList<string> Tables => ["case_read_model"];

    public Task ApplyAsync(EventEnvelope envelope, ProjectionContext context, CancellationToken ct) =>
        ApplyPageAsync([envelope], context, ct);

    /// <summary>Folds each event into its case, then writes each case the page touched once, as of its last event.</summary>
    public async Task ApplyPageAsync(IReadOnlyList<EventEnvelope> page, ProjectionContext context, CancellationToken ct)
    {
        if (_states.Count >= MaxCachedCases)
        {
            _states.Clear();
        }

        var touched = new Dictionary<string, EventEnvelope>(StringComparer.Ordinal);
        foreach (var envelope in page)
        {
            var before = envelope.StreamVersion == 1 ? CaseState.Initial
                : _states.TryGetValue(envelope.StreamId, out var cached) && cached.Version == envelope.StreamVersion - 1 ? cached
                : await LoadAsync(context.Store, envelope, ct);
            _states[envelope.StreamId] = CaseDecider.Evolve(before, envelope.Event);
            touched[envelope.StreamId] = envelope;
        }

        var current = policy();
        var rows = touched.Select(t => CaseRow.From(_states[t.Key], t.Value, current)).OfType<CaseRow>().ToList();
        if (context.Bulk)
        {
            // A bulk load: each case's last row, written once at the end of the load.
            foreach (var row in rows)
            {
                context.Stage("case_row_upsert", row.CaseId, row.Parameters());
            }

            return;
        }

        await context.ExecuteEachAsync("case_row_upsert", rows.Select(r => r.Parameters()).ToList(), ct);
    }

    public async Task ResetAsync(ProjectionContext context, CancellationToken ct)
    {
        _states.Clear();
        await context.ExecuteAsync("case_rows_delete", ct);
    }

    private static async Task<CaseState> LoadAsync(IEventStore store, EventEnvelope envelope, CancellationToken ct)
    {
        var earlier = await store.ReadStreamAsync(envelope.StreamId, ReadDirection.Forwards, 1, (int)(envelope.StreamVersion - 1), ct);
        return CaseDecider.Fold(earlier.Select(e => e.Event));
    }
}
