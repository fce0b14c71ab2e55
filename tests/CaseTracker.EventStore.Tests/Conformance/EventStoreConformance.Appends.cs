using CaseTracker.Domain.Cases;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task Appends_number_the_events_of_a_stream_from_one_and_return_the_next_expected_version()
    {
        var stream = NewStream();
        var caseId = Guid.NewGuid();

        var first = await Store.AppendAsync(stream, ExpectedVersion.NoStream, New(Received(caseId, Day), Supplement(Day.AddDays(2))));
        var second = await Store.AppendAsync(stream, ExpectedVersion.Exact(2), New(new CaseEvent.SupplementReceived(Day.AddDays(5))));

        Assert.Equal(2, Assert.IsType<AppendResult.Appended>(first).StreamVersion);
        Assert.Equal(3, Assert.IsType<AppendResult.Appended>(second).StreamVersion);
        Assert.Equal([1L, 2L, 3L], (await Store.ReadStreamAsync(stream)).Select(e => e.StreamVersion));
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_writes_nothing()
    {
        var stream = NewStream();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day), Supplement(Day.AddDays(1))));

        var result = await Store.AppendAsync(stream, ExpectedVersion.Exact(1), New(new CaseEvent.SupplementReceived(Day.AddDays(5))));

        var conflict = Assert.IsType<AppendResult.Conflict>(result);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(2, (await Store.ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task NoStream_on_a_stream_that_exists_is_a_conflict()
    {
        var stream = NewStream();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)));

        var result = await Store.AppendAsync(stream, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)));

        Assert.Equal(1, Assert.IsType<AppendResult.Conflict>(result).ActualVersion);
    }

    [Fact]
    public async Task Exact_version_on_a_stream_that_does_not_exist_is_a_conflict()
    {
        var result = await Store.AppendAsync(NewStream(), ExpectedVersion.Exact(3), New(Disclosed(Day)));

        Assert.Equal(0, Assert.IsType<AppendResult.Conflict>(result).ActualVersion);
        await Store.LogShowsEverythingAsync();
        Assert.Empty(await Store.ReadAllAsync(LogPosition.Start, 10));
    }

    [Fact]
    public async Task Any_appends_whatever_the_version()
    {
        var stream = NewStream();
        await Store.AppendAsync(stream, ExpectedVersion.Any, New(Received(Guid.NewGuid(), Day)));
        var result = await Store.AppendAsync(stream, ExpectedVersion.Any, New(Disclosed(Day.AddDays(3))));

        Assert.Equal(2, Assert.IsType<AppendResult.Appended>(result).StreamVersion);
    }

    [Fact]
    public async Task Appending_event_ids_already_in_the_stream_is_a_no_op()
    {
        var stream = NewStream();
        var batch = New(Received(Guid.NewGuid(), Day), Supplement(Day.AddDays(2)));
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, batch);

        var retriedWithSameExpectation = await Store.AppendAsync(stream, ExpectedVersion.NoStream, batch);
        var retriedWithAny = await Store.AppendAsync(stream, ExpectedVersion.Any, batch);

        Assert.Equal(new AppendResult.Appended(2, null, 0), retriedWithSameExpectation);
        Assert.Equal(new AppendResult.Appended(2, null, 0), retriedWithAny);
        await Store.LogShowsEverythingAsync();
        Assert.Equal(batch.Select(e => e.EventId), (await Store.ReadAllAsync(LogPosition.Start, 100)).Select(e => e.EventId));
    }

    [Fact]
    public async Task A_failing_append_writes_none_of_its_events()
    {
        var other = NewStream();
        var taken = One(Received(Guid.NewGuid(), Day));
        await Store.AppendAsync(other, ExpectedVersion.NoStream, [taken]);
        var stream = NewStream();
        var applicant = Applicant();
        var batch = New(Received(Guid.NewGuid(), Day, applicant), Supplement(Day.AddDays(1))).Append(taken with { Event = Disclosed(Day) }).ToList();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AppendAsync(stream, ExpectedVersion.NoStream, batch));

        Assert.Empty(await Store.ReadStreamAsync(stream));
        await Store.LogShowsEverythingAsync();
        Assert.Single(await Store.ReadAllAsync(LogPosition.Start, 100));
        Assert.IsType<AppendResult.Appended>(await Store.AppendAsync(stream, ExpectedVersion.NoStream, batch.Take(2).ToList()));
    }
}
