using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Sql;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

/// <summary>
/// SQLite since 0165: a stream's version is that of its last event (no streams row to rewrite per append), and a
/// subject that has a key already gets no write to subject_keys.
/// </summary>
public sealed partial class SqliteEventStoreTests
{
    [Fact]
    public async Task A_streams_version_is_that_of_its_last_event_and_a_stale_or_early_expected_version_writes_nothing()
    {
        var (stream, applicant) = (NewStream(), Applicant("孙八"));
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, New(Received(CaseStreams.CaseIdOf(stream)!.Value, Day), Supplement(Day)));

        var stale = await Store.AppendAsync(stream, ExpectedVersion.Exact(1), New(Received(Guid.NewGuid(), Day, applicant)));
        var early = await Store.AppendAsync(stream, ExpectedVersion.Exact(3), New(Received(Guid.NewGuid(), Day, applicant)));
        var again = await Store.AppendAsync(stream, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, applicant)));
        var next = await Store.AppendAsync(stream, ExpectedVersion.Exact(2), New(Supplement(Day)));

        Assert.Equal(new AppendResult.Conflict(stream, ExpectedVersion.Exact(1), 2), stale);
        Assert.Equal(new AppendResult.Conflict(stream, ExpectedVersion.Exact(3), 2), early);
        Assert.Equal(new AppendResult.Conflict(stream, ExpectedVersion.NoStream, 2), again);
        Assert.Equal(3L, Assert.IsType<AppendResult.Appended>(next).StreamVersion);
        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM events"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM subject_keys"));
        Assert.Equal(3L, await ScalarAsync($"SELECT version FROM streams WHERE stream_id = '{stream}'"));
        Assert.Equal([(stream, 3L)], (await Store.StreamVersionsAsync()).Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public async Task Stream_versions_of_given_streams_are_their_last_events_and_a_stream_without_events_has_none()
    {
        var (one, two, none) = (NewStream(), NewStream(), NewStream());
        await Store.AppendManyAsync([
            new StreamAppend(one, ExpectedVersion.NoStream, Batch(CaseStreams.CaseIdOf(one)!.Value, 3, Day)),
            new StreamAppend(two, ExpectedVersion.NoStream, New(Received(CaseStreams.CaseIdOf(two)!.Value, Day)))]);

        await using var connection = await Store.OpenConnectionAsync(default);
        var versions = await connection.QueryAsync(null, Store.Sql["stream_versions_of"], r => (r.GetString(0), r.GetInt64(1)), default,
            ("streams", $"[\"{one}\",\"{two}\",\"{none}\"]"));

        Assert.Equal([(one, 3L), (two, 1L)], versions.OrderBy(v => v.Item2 == 3 ? 0 : 1));
    }

    [Fact]
    public async Task A_second_case_of_an_applicant_with_a_key_leaves_the_subject_keys_table_untouched()
    {
        var applicant = Applicant("周九");
        var (first, second) = (NewStream(), NewStream());
        await Store.AppendAsync(first, ExpectedVersion.NoStream, New(Received(CaseStreams.CaseIdOf(first)!.Value, Day, applicant)));
        await using (var connection = await Store.OpenConnectionAsync(default))
        {
            // Every write to subject_keys from here on leaves a row here (an upsert's DO UPDATE fires UPDATE triggers).
            await connection.ExecuteAsync(null, """
                CREATE TABLE test_key_writes (what TEXT NOT NULL);
                CREATE TRIGGER test_key_update AFTER UPDATE ON subject_keys BEGIN INSERT INTO test_key_writes VALUES ('update'); END;
                CREATE TRIGGER test_key_insert AFTER INSERT ON subject_keys BEGIN INSERT INTO test_key_writes VALUES ('insert'); END;
                """, default);
        }

        await Store.AppendAsync(second, ExpectedVersion.NoStream, New(Received(CaseStreams.CaseIdOf(second)!.Value, Day, applicant)));
        await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, Applicant("吴十"))));

        await using var check = await Store.OpenConnectionAsync(default);
        Assert.Equal(["insert"], await check.QueryAsync(null, "SELECT what FROM test_key_writes", r => r.GetString(0), default));
        var both = await Store.ReadAllAsync(LogPosition.Start, 10);
        Assert.Equal([applicant, applicant], both.Take(2).Select(e => ((CaseEvent.Received)e.Event).Applicant));
    }

    [Fact]
    public async Task A_duplicate_event_id_or_a_taken_claim_on_the_writer_writes_neither_events_nor_keys()
    {
        var stream = NewStream();
        var received = Received(CaseStreams.CaseIdOf(stream)!.Value, Day, Applicant("郑一"));
        var shared = One(received);
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, [shared], UniqueClaim.Of([received]));
        var (other, third) = (NewStream(), NewStream());

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Store.AppendAsync(other, ExpectedVersion.NoStream, [One(Received(CaseStreams.CaseIdOf(other)!.Value, Day, Applicant("王二"))), shared]));
        var duplicate = await Store.AppendAsync(third, ExpectedVersion.NoStream, New(Received(CaseStreams.CaseIdOf(third)!.Value, Day, Applicant("冯三"))),
            UniqueClaim.Of([received]));

        Assert.IsType<AppendResult.Duplicate>(duplicate);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM events"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM subject_keys"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM streams"));
    }
}
