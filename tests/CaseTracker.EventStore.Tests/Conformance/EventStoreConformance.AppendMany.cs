using CaseTracker.Domain.Cases;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task Appending_to_many_streams_writes_them_all_in_log_order()
    {
        var streams = Enumerable.Range(0, 20).Select(_ => NewStream()).ToList();

        var result = await Store.AppendManyAsync(streams.Select(s =>
            new StreamAppend(s, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day), Supplement(Day.AddDays(1))))).ToList());

        Assert.Equal(40, Assert.IsType<AppendResult.Appended>(result).Written);
        foreach (var stream in streams)
        {
            Assert.Equal([1L, 2L], (await Store.ReadStreamAsync(stream)).Select(e => e.StreamVersion));
        }

        await Store.LogShowsEverythingAsync();
        var log = await Store.ReadAllAsync(LogPosition.Start, 100);
        Assert.Equal(streams.SelectMany(s => new[] { s, s }), log.Select(e => e.StreamId));
    }

    [Fact]
    public async Task A_conflict_on_one_stream_of_many_writes_none_of_them()
    {
        var existing = NewStream();
        await Store.AppendAsync(existing, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)));
        var fresh = NewStream();

        var result = await Store.AppendManyAsync(
        [
            new StreamAppend(fresh, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day))),
            new StreamAppend(existing, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day))),
        ]);

        var conflict = Assert.IsType<AppendResult.Conflict>(result);
        Assert.Equal(existing, conflict.StreamId);
        Assert.Empty(await Store.ReadStreamAsync(fresh));
        await Store.LogShowsEverythingAsync();
        Assert.Single(await Store.ReadAllAsync(LogPosition.Start, 100));
    }

    [Fact]
    public async Task Appending_many_again_with_the_same_event_ids_writes_nothing()
    {
        var appends = Enumerable.Range(0, 5)
            .Select(_ => new StreamAppend(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day))))
            .ToList();
        await Store.AppendManyAsync(appends);

        var again = await Store.AppendManyAsync(appends);

        Assert.Equal(0, Assert.IsType<AppendResult.Appended>(again).Written);
        await Store.LogShowsEverythingAsync();
        Assert.Equal(5, (await Store.ReadAllAsync(LogPosition.Start, 100)).Count);
    }
}
