using CaseTracker.EventStore.Sql;
using CaseTracker.Testing;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public sealed partial class PostgresEventStoreTests
{
    [Fact]
    public async Task A_large_append_many_racing_a_writer_of_one_of_its_event_ids_to_another_stream_fails_whole()
    {
        var batch = LargeBatch();
        var contested = batch[30].Events[1].EventId;
        var other = NewStream();
        await using var connection = await Store.OpenConnectionAsync(default);
        await using var tx = await Store.BeginWriteAsync(connection, default);
        await connection.ExecuteAsync(tx, Store.Sql["stream_lock"], default, ("stream", other));
        await connection.ExecuteAsync(tx, Store.Sql["event_insert"], default,
            ("event_id", contested), ("stream", other), ("version", 1L), ("type", "case.supplement-requested"), ("schema_version", 1),
            ("business_date", Day), ("recorded_at", Time.Now), ("actor", "racer"), ("correlation_id", Guid.NewGuid()),
            ("causation_id", null), ("subject_id", null), ("payload", "{}"), ("metadata", "{}"));
        await connection.ExecuteAsync(tx, Store.Sql["append_finish"], default, ("stream", other), ("version", 1L));

        // The batch's COPY reaches the contested event id and waits for the racing transaction to end (seen from a
        // connection of its own: a transaction keeps one snapshot of pg_stat_activity).
        var append = Task.Run(() => Store.AppendManyAsync(batch));
        await using var watcher = await Store.OpenConnectionAsync(default);
        await Eventually.ReturnsAsync(
            () => watcher.ScalarAsync(null, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'COPY events%'", default),
            waiting => Convert.ToInt64(waiting, System.Globalization.CultureInfo.InvariantCulture) == 1, "the COPY waits for the racing writer");
        await tx.CommitAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => append);
        await Store.LogShowsEverythingAsync();
        Assert.Equal([other], (await Store.ReadAllAsync(LogPosition.Start, 1000)).Select(e => e.StreamId));
        Assert.Empty(await Store.ClaimsAsync("case-number"));
        Assert.Empty(await Store.ReadStreamAsync(batch[0].StreamId));
    }
}
