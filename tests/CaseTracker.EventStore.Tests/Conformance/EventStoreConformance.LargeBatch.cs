using CaseTracker.Domain.Cases;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

/// <summary>
/// Append-many batches as large as an import's (PostgreSQL writes them by COPY from 100 events on; SQLite on its
/// writer connection): the same guarantees as a small batch.
/// </summary>
public abstract partial class EventStoreConformance
{
    private static readonly UniqueClaim Held = new("case-number", "某区政务服务局\u001f2023-900");

    /// <summary>60 new streams of 3 events each (180 events), every other one with an applicant.</summary>
    protected static List<StreamAppend> LargeBatch() =>
        Enumerable.Range(0, 60).Select(i => new StreamAppend(NewStream(), ExpectedVersion.NoStream,
            New(Received(Guid.NewGuid(), Day, i % 2 == 0 ? Applicant($"申请人{i}") : null), Supplement(Day.AddDays(1)), Disclosed(Day.AddDays(20))),
            [new UniqueClaim("case-number", $"某区政务服务局\u001f2023-{i:000}")])).ToList();

    [Fact]
    public async Task A_large_append_many_writes_every_event_in_the_order_given_and_a_retry_writes_nothing()
    {
        var batch = LargeBatch();

        var result = Assert.IsType<AppendResult.Appended>(await Store.AppendManyAsync(batch));
        var again = Assert.IsType<AppendResult.Appended>(await Store.AppendManyAsync(batch));

        Assert.Equal(180, result.Written);
        Assert.Equal(0, again.Written);
        await Store.LogShowsEverythingAsync();
        var log = await Store.ReadAllAsync(LogPosition.Start, 1000);
        Assert.Equal(batch.SelectMany(a => a.Events.Select(e => e.EventId)), log.Select(e => e.EventId));
        Assert.Equal(log[^1].Position, result.LastPosition);
        Assert.Equal(Enumerable.Repeat(new[] { 1L, 2L, 3L }, 60).SelectMany(v => v), log.Select(e => e.StreamVersion));
        Assert.Equal(batch[58].Events[0].Event, (await Store.ReadStreamAsync(batch[58].StreamId))[0].Event);
        Assert.Equal(60, (await Store.ClaimsAsync("case-number")).Count);
        var next = await Store.AppendAsync(batch[0].StreamId, ExpectedVersion.Exact(3), New(Supplement(Day.AddDays(30))));
        Assert.Equal(4, Assert.IsType<AppendResult.Appended>(next).StreamVersion);
    }

    [Fact]
    public async Task An_append_many_of_twenty_thousand_new_streams_is_written_and_each_stream_can_go_on()
    {
        // An import's chunk: one transaction over 20,000 streams. Whatever queues the appends of one stream must not
        // need a slot per stream in a bounded table (PostgreSQL's lock table holds ~6,400 advisory locks by default).
        var batch = Enumerable.Range(0, 20_000).Select(_ => new StreamAppend(NewStream(), ExpectedVersion.NoStream, [One(Supplement(Day))])).ToList();

        var result = Assert.IsType<AppendResult.Appended>(await Store.AppendManyAsync(batch));

        Assert.Equal(20_000, result.Written);
        var versions = await Store.StreamVersionsAsync();
        Assert.Equal(20_000, versions.Count);
        Assert.All(batch, a => Assert.Equal(1L, versions[a.StreamId]));
        var next = await Store.AppendAsync(batch[19_999].StreamId, ExpectedVersion.Exact(1), New(Disclosed(Day.AddDays(20))));
        Assert.Equal(2, Assert.IsType<AppendResult.Appended>(next).StreamVersion);
    }

    [Fact]
    public async Task A_version_conflict_in_a_large_append_many_writes_nothing()
    {
        var batch = LargeBatch();
        await Store.AppendAsync(batch[45].StreamId, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)));

        var result = await Store.AppendManyAsync(batch);

        Assert.Equal(new AppendResult.Conflict(batch[45].StreamId, ExpectedVersion.NoStream, 1), result);
        await Store.LogShowsEverythingAsync();
        Assert.Single(await Store.ReadAllAsync(LogPosition.Start, 1000));
        Assert.Empty(await Store.ClaimsAsync("case-number"));
        Assert.Empty(await Store.ReadStreamAsync(batch[0].StreamId));
    }

    [Fact]
    public async Task A_claim_held_by_another_stream_refuses_a_large_append_many_and_writes_nothing()
    {
        var holder = NewStream();
        await Store.AppendAsync(holder, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [Held]);
        var batch = LargeBatch();
        batch[59] = batch[59] with { Claims = [Held] };

        var result = await Store.AppendManyAsync(batch);

        Assert.Equal(new AppendResult.Duplicate(Held, batch[59].StreamId, holder), result);
        await Store.LogShowsEverythingAsync();
        Assert.Single(await Store.ReadAllAsync(LogPosition.Start, 1000));
        Assert.Equal([Held.Key], (await Store.ClaimsAsync("case-number")).Keys);
        Assert.Empty(await Store.ReadStreamAsync(batch[0].StreamId));
    }
}
