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
        if (context.Bulk)
        {
            // A bulk load: each case's last row, written once at the end of the load, made (clock included) only then:
            // what waits is the folded state (immutable), not a row of boxed values per page the case was in.
            foreach (var (streamId, last) in touched)
            {
                var state = _states[streamId];
                if (state.Receipt is { } receipt)
                {
                    context.Stage("case_row_upsert", receipt.CaseId, new Pending(state, last, current), static p => ((Pending)p).Row().Parameters());
                }
            }

            return;
        }

        var rows = touched.Select(t => CaseRow.From(_states[t.Key], t.Value, current)).OfType<CaseRow>().ToList();
        await context.ExecuteEachAsync("case_row_upsert", rows.Select(r => r.Parameters()).ToList(), ct);
    }

    public async Task ResetAsync(ProjectionContext context, CancellationToken ct)
    {
        _states.Clear();
        await context.ExecuteAsync("case_rows_delete", ct);
    }

    /// <summary>A case's row as of its last event so far, made when the bulk load writes it.</summary>
    private sealed record Pending(CaseState State, EventEnvelope Last, CasePolicy Policy)
    {
        public CaseRow Row() => CaseRow.From(State, Last, Policy)!;
    }

    private static async Task<CaseState> LoadAsync(IEventStore store, EventEnvelope envelope, CancellationToken ct)
    {
        var earlier = await store.ReadStreamAsync(envelope.StreamId, ReadDirection.Forwards, 1, (int)(envelope.StreamVersion - 1), ct);
        return CaseDecider.Fold(earlier.Select(e => e.Event));
    }
}
