using CaseTracker.Calendar;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;
using CaseTracker.ReadModels.Appeals;
using CaseTracker.ReadModels.Applicants;
using CaseTracker.ReadModels.CaseList;
using CaseTracker.ReadModels.Search;
using CaseTracker.Search;

namespace CaseTracker.ReadModels;

/// <summary>Every read model of the product, each with its own runner and checkpoint, fed from the global log.</summary>
/// <param name="keyring">The applicants' hash key (configured in the host); none: the key kept in the store.</param>
public sealed partial class ReadModelSet(IEventStore store, IReadModelDatabase database, PolicySource policies, ApplicantKeyring? keyring = null)
{
    public IReadOnlyList<ProjectionRunner> Runners { get; } =
    [
        new(store, database, new CaseListProjection(() => policies.Current)),
        new(store, database, new AppealsProjection()),
        new(store, database, new ApplicantKeysProjection(keyring ?? new ApplicantKeyring(database, (string?)null))),
        new(store, database, new CaseSearchProjection()),
        new(store, database, new Statute.CaseFeesProjection()),
        new(store, database, new Erasure.ErasureProjection()),
    ];

    /// <summary>
    /// Every read model over one read of the log (see <see cref="ProjectionRunner.CatchUpTogetherAsync"/>); far behind
    /// (after a ledger import) in bulk transactions (ProjectionRunner.Bulk.cs).
    /// </summary>
    public Task<long> CatchUpAsync(IProgress<ReplayProgress>? progress, CancellationToken ct) =>
        ProjectionRunner.CatchUpTogetherAsync(Runners, progress, ct, bulkFrom: ProjectionRunner.BulkFrom);

    /// <summary>
    /// Resets every read model and replays the log into all of them in one pass, the reset and the replay in one bulk
    /// transaction (<see cref="ProjectionRunner.RebuildTogetherAsync"/>): cut short, the read models stay as they were.
    /// </summary>
    public Task<long> RebuildAsync(IProgress<ReplayProgress>? progress, CancellationToken ct) =>
        ProjectionRunner.RebuildTogetherAsync(Runners, progress, ct);

    public async Task<IReadOnlyList<ProjectionStatus>> StatusAsync(CancellationToken ct)
    {
        var statuses = new List<ProjectionStatus>();
        foreach (var runner in Runners)
        {
            statuses.Add(await runner.StatusAsync(ct));
        }

        return statuses;
    }

    /// <summary>
    /// Follows the log until cancelled (the web host's background work): one subscription, each page applied to every read
    /// model in one transaction (<see cref="ProjectionRunner.RunTogetherAsync"/>). A failure stops them all; the host's
    /// <see cref="ProjectionWorker"/> logs it and starts again from the checkpoints.
    /// </summary>
    public Task RunAsync(CancellationToken ct) => ProjectionRunner.RunTogetherAsync(Runners, ct);
}
