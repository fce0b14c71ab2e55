using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Sql;
using Microsoft.Data.Sqlite;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

/// <summary>The SQLite store's writer connection (SqliteWriter): one connection for every append of the store.</summary>
public sealed partial class SqliteEventStoreTests
{
    [Fact]
    public async Task The_writer_takes_the_next_append_after_one_that_failed_half_way_and_keeps_nothing_of_it()
    {
        var (failing, next) = (NewStream(), NewStream());
        var applicant = Applicant("吴九");
        Store.AfterEventWritten = written =>
        {
            if (written == 2)
            {
                throw new IOException("磁盘已满（测试）");
            }
        };

        await Assert.ThrowsAsync<IOException>(() => Store.AppendAsync(failing, ExpectedVersion.NoStream, Batch(Guid.NewGuid(), 3, Day)));
        await Assert.ThrowsAsync<IOException>(() => Store.AppendManyAsync(
            [new StreamAppend(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, applicant), Supplement(Day)))]));
        Store.AfterEventWritten = null;
        var appended = await Store.AppendAsync(next, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day), Supplement(Day)));
        var retried = await Store.AppendAsync(failing, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)));

        Assert.Equal(2, ((AppendResult.Appended)appended).Written);
        Assert.Equal(1, ((AppendResult.Appended)retried).Written);
        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM events"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM subject_keys"));
        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM streams"));
    }

    [Fact]
    public async Task Appends_from_many_tasks_and_a_second_store_on_the_same_file_queue_and_each_is_written_once()
    {
        await using var other = await OpenAnotherStoreAsync(Time);
        var streams = Enumerable.Range(0, 40).Select(_ => NewStream()).ToList();

        var results = await Task.WhenAll(streams.Select((stream, i) => Task.Run(() =>
            (i % 4 == 0 ? other : Store).AppendAsync(stream, ExpectedVersion.NoStream, Batch(Guid.NewGuid(), 3, Day)))));

        Assert.All(results, r => Assert.Equal(3, Assert.IsType<AppendResult.Appended>(r).Written));
        var log = await Store.ReadAllAsync(LogPosition.Start, 1000);
        Assert.Equal(120, log.Count);
        Assert.Equal(Enumerable.Range(1, 120).Select(p => (long)p), log.Select(e => e.Position.Prepare));
        Assert.All(log.GroupBy(e => e.StreamId), g => Assert.Equal([1L, 2L, 3L], g.Select(e => e.StreamVersion)));
        Assert.Equal(streams.Order(StringComparer.Ordinal), log.Select(e => e.StreamId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_writer_stores_each_value_as_Microsoft_Data_Sqlite_binds_it()
    {
        var applicant = Applicant("郑十");
        var e = One(Received(Guid.NewGuid(), new DateOnly(2024, 2, 29), applicant), new EventMetadata("clerk-07", Guid.NewGuid(), Guid.NewGuid()));
        await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, [e]);

        await using var connection = new SqliteConnection($"Data Source={Target}");
        await connection.OpenAsync();
        var same = await connection.ScalarAsync(null, """
            SELECT count(*) FROM events
            WHERE event_id = @id AND correlation_id = @correlation AND causation_id = @causation AND subject_id = @subject
              AND business_date = @on AND recorded_at = @at AND typeof(payload) = 'text' AND typeof(metadata) = 'text'
            """, default, ("id", e.EventId), ("correlation", e.Metadata.CorrelationId), ("causation", e.Metadata.CausationId),
            ("subject", applicant.SubjectId), ("on", new DateOnly(2024, 2, 29)), ("at", Time.GetUtcNow()));
        var key = await connection.ScalarAsync(null, "SELECT count(*) FROM subject_keys WHERE subject_id = @subject AND created_at = @at", default,
            ("subject", applicant.SubjectId), ("at", Time.GetUtcNow()));

        Assert.Equal(1L, same);
        Assert.Equal(1L, key);
        Assert.Equal("2024-02-29", await connection.ScalarAsync(null, "SELECT business_date FROM events", default));
        Assert.Equal("2024-01-15 08:30:00+00:00", await connection.ScalarAsync(null, "SELECT recorded_at FROM events", default));
        Assert.Equal(e.EventId.ToString().ToUpperInvariant(), await connection.ScalarAsync(null, "SELECT event_id FROM events", default));
    }

    [Fact]
    public async Task A_disposed_store_refuses_appends()
    {
        var store = await OpenAnotherStoreAsync(Time);
        await store.AppendAsync(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)));

        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day))));
        Assert.Equal(1, await Store.CountAfterAsync(LogPosition.Start));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Store.OpenConnectionAsync(default);
        return Convert.ToInt64(await connection.ScalarAsync(null, sql, default), System.Globalization.CultureInfo.InvariantCulture);
    }
}
