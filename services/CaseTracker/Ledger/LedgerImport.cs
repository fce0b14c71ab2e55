using CaseTracker.Agencies;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;
using CaseTracker.Ledger.Import;
using CaseTracker.Projections;

namespace CaseTracker.Ledger;

public sealed record LedgerImportResult(int CasesCreated, int CasesExtended, int EventsWritten, IReadOnlyList<string> AgenciesRegistered, IReadOnlyList<LedgerProblem> Problems);

/// <summary>
/// Writes a checked ledger into the store: per case only the milestones its stream lacks, through the same decider as
/// live entry; each event marked with the file and row it came from. Nothing is written when any case would be refused.
/// </summary>
public sealed class LedgerImport(IEventStore store, AgencyDirectory agencies, ReadModels readModels, CasePolicy policy)
{
    public async Task<LedgerImportResult> WriteAsync(LedgerImportPlan plan, string fileName, string actor, IProgress<ReplayProgress>? progress, CancellationToken ct)
    {
        var correlation = Guid.NewGuid();
        var batches = new List<(PlannedCase Case, long Version, IReadOnlyList<NewEvent> Events)>();
        var problems = new List<LedgerProblem>();
        foreach (var planned in plan.CasesToImport)
        {
            var history = await store.ReadStreamAsync(CaseStreams.For(planned.CaseId), ct);
            var state = CaseDecider.Fold(history.Select(e => e.Event));
            var delta = LedgerIncrement.NewCommands(planned, state, policy);
            problems.AddRange(delta.Problems);
            if (delta.Problems.Count > 0 || delta.Commands.Count == 0)
            {
                continue;
            }

            var metadata = new EventMetadata(actor, correlation, null, new Dictionary<string, string>
            {
                ["import.file"] = fileName,
                ["import.row"] = planned.Row.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            var events = new List<NewEvent>();
            foreach (var command in delta.Commands)
            {
                foreach (var e in CaseDecider.Decide(command, state, policy))
                {
                    state = CaseDecider.Evolve(state, e);
                    events.Add(new NewEvent(Guid.NewGuid(), e, metadata));
                }
            }

            batches.Add((planned, history.Count == 0 ? 0 : history[^1].StreamVersion, events));
        }

        if (problems.Count > 0)
        {
            return new LedgerImportResult(0, 0, 0, [], problems);
        }

        var registered = await agencies.RegisterNewAsync(plan.Agencies, actor, ct);
        var (created, extended, written) = (0, 0, 0);
        foreach (var (planned, version, events) in batches)
        {
            var expected = version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(version);
            var result = await store.AppendAsync(CaseStreams.For(planned.CaseId), expected, events, ct);
            if (result is AppendResult.Conflict conflict)
            {
                problems.Add(new LedgerProblem(planned.Row, null, $"导入期间本案被他人修改（当前版本 {conflict.ActualVersion}），本行未导入：请重新导入本文件，已导入的内容不会重复。"));
                continue;
            }

            (created, extended, written) = version == 0 ? (created + 1, extended, written + events.Count) : (created, extended + 1, written + events.Count);
            progress?.Report(new ReplayProgress(created + extended, batches.Count));
        }

        await readModels.CatchUpAsync(null, ct);
        return new LedgerImportResult(created, extended, written, registered, problems);
    }
}
