using CaseTracker.EventStore.Sql;

namespace CaseTracker.EventStore.Projections;

/// <summary>
/// Feeds one projection from the global log. Each page of events is applied in one transaction together with the
/// checkpoint, so every event counts exactly once even across crashes.
/// </summary>
public sealed class ProjectionRunner(IEventStore store, IReadModelDatabase database, IProjection projection)
{
    /// <summary>Events per transaction when catching up: bigger pages mean fewer commits and fewer reads of the log.</summary>
    public int PageSize { get; init; } = 2000;

    /// <summary>Applies everything after the checkpoint, then returns how many events it applied (not another runner).</summary>
    public async Task<long> CatchUpAsync(IProgress<ReplayProgress>? progress = null, CancellationToken ct = default)
    {
        var checkpoint = await LoadCheckpointAsync(ct);
        var total = progress is null ? 0 : await store.CountAfterAsync(checkpoint, ct);
        long done = 0;
        while (true)
        {
            var page = await store.ReadAllAsync(checkpoint, PageSize, ct);
            if (page.Count == 0)
            {
                return done;
            }

            (checkpoint, var applied) = await ApplyAsync(page, ct);
            done += applied;
            progress?.Report(new ReplayProgress(done, Math.Max(done, total)));
        }
    }

    /// <summary>Catches up from the checkpoint, then follows the log until cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var page in store.SubscribeToAllAsync(await LoadCheckpointAsync(ct), ct))
            {
                await ApplyAsync(page, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Reset + replay: deletes the rows and the checkpoint, then applies the whole log.</summary>
    public async Task<long> RebuildAsync(IProgress<ReplayProgress>? progress = null, CancellationToken ct = default)
    {
        await using (var connection = await database.OpenConnectionAsync(ct))
        {
            await using var tx = await database.BeginWriteAsync(connection, ct);
            await projection.ResetAsync(new ProjectionContext(connection, tx, database.Sql, store), ct);
            await database.SaveCheckpointAsync(connection, tx, projection.Name, LogPosition.Start, ct);
            await tx.CommitAsync(ct);
        }

        return await CatchUpAsync(progress, ct);
    }

    public async Task<ProjectionStatus> StatusAsync(CancellationToken ct = default)
    {
        var checkpoint = await LoadCheckpointAsync(ct);
        return new ProjectionStatus(projection.Name, checkpoint, await store.CountAfterAsync(checkpoint, ct));
    }

    private async Task<LogPosition> LoadCheckpointAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await database.LoadCheckpointAsync(connection, null, projection.Name, ct);
    }

    /// <summary>
    /// Applies the events of the page after the checkpoint as it stands inside the transaction, so that two runners
    /// of one projection (a server and a command-line rebuild) never apply an event twice.
    /// </summary>
    private async Task<(LogPosition Checkpoint, int Applied)> ApplyAsync(IReadOnlyList<EventEnvelope> page, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await database.BeginWriteAsync(connection, ct);
        if (database.Sql.Find("projection_lock") is { } lockSql)
        {
            await connection.ExecuteAsync(tx, lockSql, ct, ("name", projection.Name));
        }

        var checkpoint = await database.LoadCheckpointAsync(connection, tx, projection.Name, ct);
        await using var context = new ProjectionContext(connection, tx, database.Sql, store);
        var fresh = page.Where(e => e.Position > checkpoint).ToList();
        if (fresh.Count == 0)
        {
            return (checkpoint, 0);
        }

        await projection.ApplyPageAsync(fresh, context, ct);
        await database.SaveCheckpointAsync(connection, tx, projection.Name, page[^1].Position, ct);
        await tx.CommitAsync(ct);
        return (page[^1].Position, fresh.Count);
    }
}
