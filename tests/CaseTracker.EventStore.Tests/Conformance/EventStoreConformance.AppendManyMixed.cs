using CaseTracker.Domain.Cases;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

/// <summary>AppendMany over streams in every state at once (PostgreSQL writes them in bulk, SQLite stream by stream).</summary>
public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task Appending_many_writes_new_and_existing_streams_and_skips_event_ids_already_in_their_stream()
    {
        var (existing, fresh, other) = (NewStream(), NewStream(), NewStream());
        var stored = One(Received(Guid.NewGuid(), Day));
        await Store.AppendAsync(existing, ExpectedVersion.NoStream, [stored]);
        var freshEvents = New(Received(Guid.NewGuid(), Day), Supplement(Day.AddDays(1)));
        var next = One(Disclosed(Day.AddDays(5)));
        var otherEvent = One(Received(Guid.NewGuid(), Day));

        var result = await Store.AppendManyAsync(
        [
            new StreamAppend(fresh, ExpectedVersion.NoStream, freshEvents),
            new StreamAppend(existing, ExpectedVersion.Exact(1), [stored, next]),
            new StreamAppend(other, ExpectedVersion.Any, [otherEvent]),
        ]);

        var appended = Assert.IsType<AppendResult.Appended>(result);
        await Store.LogShowsEverythingAsync();
        var log = await Store.ReadAllAsync(LogPosition.Start, 100);
        Assert.Equal(4, appended.Written);
        Assert.Equal(log[^1].Position, appended.LastPosition);
        Assert.Equal([stored.EventId, freshEvents[0].EventId, freshEvents[1].EventId, next.EventId, otherEvent.EventId], log.Select(e => e.EventId));
        Assert.Equal([1L, 2L], (await Store.ReadStreamAsync(existing)).Select(e => e.StreamVersion));
        Assert.Equal([1L, 2L], (await Store.ReadStreamAsync(fresh)).Select(e => e.StreamVersion));
        Assert.IsType<AppendResult.Conflict>(await Store.AppendAsync(existing, ExpectedVersion.Exact(1), New(Disclosed(Day))));
        Assert.IsType<AppendResult.Appended>(await Store.AppendAsync(existing, ExpectedVersion.Exact(2), New(Disclosed(Day))));
    }

    [Fact]
    public async Task A_conflict_after_new_and_existing_streams_of_many_writes_nothing_and_names_the_first_conflicting_stream()
    {
        var (existing, stale, fresh, missing) = (NewStream(), NewStream(), NewStream(), NewStream());
        await Store.AppendAsync(existing, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)));
        await Store.AppendAsync(stale, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)));
        var good = new List<StreamAppend>
        {
            new(fresh, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, Applicant()))),
            new(existing, ExpectedVersion.Exact(1), New(Disclosed(Day.AddDays(3)))),
        };

        var result = await Store.AppendManyAsync(
        [
            .. good,
            new StreamAppend(stale, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day))),
            new StreamAppend(missing, ExpectedVersion.Exact(4), New(Disclosed(Day))),
        ]);

        Assert.Equal(new AppendResult.Conflict(stale, ExpectedVersion.NoStream, 1), result);
        await Store.LogShowsEverythingAsync();
        Assert.Equal(2, (await Store.ReadAllAsync(LogPosition.Start, 100)).Count);
        Assert.Empty(await Store.ReadStreamAsync(fresh));
        Assert.Equal(0L, await RawScalarAsync("SELECT count(*) FROM subject_keys"));
        Assert.Equal(2, Assert.IsType<AppendResult.Appended>(await Store.AppendManyAsync(good)).Written);
    }

    [Fact]
    public async Task An_event_id_of_another_stream_fails_the_whole_append_many()
    {
        var other = NewStream();
        var taken = One(Received(Guid.NewGuid(), Day));
        await Store.AppendAsync(other, ExpectedVersion.NoStream, [taken]);
        var (fresh, stream) = (NewStream(), NewStream());

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AppendManyAsync(
        [
            new StreamAppend(fresh, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day))),
            new StreamAppend(stream, ExpectedVersion.NoStream, [One(Received(Guid.NewGuid(), Day)), taken with { Event = Disclosed(Day) }]),
        ]));

        await Store.LogShowsEverythingAsync();
        Assert.Single(await Store.ReadAllAsync(LogPosition.Start, 100));
        Assert.Empty(await Store.ReadStreamAsync(fresh));
    }

    [Fact]
    public async Task A_retried_part_of_many_whose_stream_moved_on_is_skipped_while_the_new_parts_are_written()
    {
        var done = new StreamAppend(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day), Supplement(Day.AddDays(1))));
        await Store.AppendManyAsync([done]);
        var fresh = new StreamAppend(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)));

        var result = await Store.AppendManyAsync([done, fresh]);

        Assert.Equal(1, Assert.IsType<AppendResult.Appended>(result).Written);
        await Store.LogShowsEverythingAsync();
        Assert.Equal(3, (await Store.ReadAllAsync(LogPosition.Start, 100)).Count);
        Assert.Equal(2, (await Store.ReadStreamAsync(done.StreamId)).Count);
    }

    [Fact]
    public async Task One_subject_in_several_streams_of_many_gets_one_key_and_an_existing_key_is_reused()
    {
        var (shared, known) = (Applicant("孙七"), Applicant("周八"));
        await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, known)));
        var streams = new[] { NewStream(), NewStream(), NewStream() };

        await Store.AppendManyAsync(
        [
            new StreamAppend(streams[0], ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, shared))),
            new StreamAppend(streams[1], ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, shared))),
            new StreamAppend(streams[2], ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, known))),
        ]);
        var applicants = new List<PersonalData?>();
        foreach (var stream in streams)
        {
            applicants.Add(await ApplicantOfAsync(stream));
        }

        await Store.ErasePersonalDataAsync(known.SubjectId);

        Assert.Equal([shared, shared, known], applicants);
        Assert.Equal(1L, await RawScalarAsync("SELECT count(*) FROM subject_keys"));
        Assert.Equal(PersonalData.Erased(known.SubjectId), await ApplicantOfAsync(streams[2]));
    }

    [Fact]
    public async Task A_waiting_subscriber_is_woken_by_an_append_many_from_another_store_instance()
    {
        var writer = await OpenAnotherStoreAsync();
        Store.PollInterval = TimeSpan.FromHours(1);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var subscribed = Store.SubscribeToAllAsync(LogPosition.Start, stop.Token).GetAsyncEnumerator(stop.Token);
        var firstPage = subscribed.MoveNextAsync().AsTask();
        await Task.Delay(300);
        var appends = new[] { NewStream(), NewStream() }.Select(s => new StreamAppend(s, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)))).ToList();

        await writer.AppendManyAsync(appends);

        Assert.True(await firstPage.WaitAsync(stop.Token));
        Assert.Equal(appends.Select(a => a.Events[0].EventId), subscribed.Current.Select(e => e.EventId));
        await stop.CancelAsync();
        await subscribed.DisposeAsync();
        await Dispose(writer);
    }

    [Fact]
    public async Task A_stream_named_twice_in_one_append_many_gets_both_parts_in_order()
    {
        var stream = NewStream();
        var (first, second) = (New(Received(Guid.NewGuid(), Day)), New(Supplement(Day.AddDays(1))));

        var result = await Store.AppendManyAsync([new(stream, ExpectedVersion.NoStream, first), new(stream, ExpectedVersion.Exact(1), second)]);

        Assert.Equal(2, Assert.IsType<AppendResult.Appended>(result).Written);
        Assert.Equal(first.Concat(second).Select(e => e.EventId), (await Store.ReadStreamAsync(stream)).Select(e => e.EventId));
    }

    [Fact]
    public async Task One_event_id_in_two_streams_of_one_append_many_fails_it()
    {
        var e = One(Received(Guid.NewGuid(), Day));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AppendManyAsync(
            [new(NewStream(), ExpectedVersion.NoStream, [e]), new(NewStream(), ExpectedVersion.NoStream, [e])]));

        await Store.LogShowsEverythingAsync();
        Assert.Empty(await Store.ReadAllAsync(LogPosition.Start, 100));
    }

    private async Task<PersonalData?> ApplicantOfAsync(string stream) => ((CaseEvent.Received)(await Store.ReadStreamAsync(stream))[0].Event).Applicant;

    private async Task<long> RawScalarAsync(string sql) => Assert.Single(await RawAsync(sql, r => Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)));
}
