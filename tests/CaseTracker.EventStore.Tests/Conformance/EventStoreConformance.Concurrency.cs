using CaseTracker.Domain.Cases;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task Writers_racing_on_one_stream_see_conflicts_and_after_retrying_nothing_is_lost()
    {
        const int writers = 8;
        var stream = NewStream();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)));
        var events = Enumerable.Range(0, writers)
            .Select(i => One(new CaseEvent.ConsultationStarted($"c{i}", ConsultationKind.ThirdParty, $"第三方{i}", Day.AddDays(1))))
            .ToList();

        var firstTries = await Task.WhenAll(events.Select(e => Task.Run(() => Store.AppendAsync(stream, ExpectedVersion.Exact(1), [e]))));
        var conflicts = firstTries.OfType<AppendResult.Conflict>().Count();
        var retried = events.Where((_, i) => firstTries[i] is AppendResult.Conflict).ToList();
        await Task.WhenAll(retried.Select(e => Task.Run(async () =>
        {
            while (true)
            {
                var version = (await Store.ReadStreamAsync(stream, ReadDirection.Backwards, long.MaxValue, 1))[0].StreamVersion;
                if (await Store.AppendAsync(stream, ExpectedVersion.Exact(version), [e]) is AppendResult.Appended)
                {
                    return;
                }
            }
        })));

        var stored = await Store.ReadStreamAsync(stream);
        Assert.Single(firstTries.OfType<AppendResult.Appended>());
        Assert.Equal(writers - 1, conflicts);
        Assert.Equal(Enumerable.Range(1, writers + 1).Select(v => (long)v), stored.Select(e => e.StreamVersion));
        Assert.Equal(events.Select(e => e.EventId).Order(), stored.Skip(1).Select(e => e.EventId).Order());
    }

    [Fact]
    public async Task Writers_on_many_streams_while_a_subscription_runs_are_each_seen_once_in_log_order()
    {
        const int writers = 8;
        const int appendsEach = 25;
        var seen = new List<EventEnvelope>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var subscriber = await OpenAnotherStoreAsync();
        var subscription = Task.Run(async () =>
        {
            try
            {
                await foreach (var page in subscriber.SubscribeToAllAsync(LogPosition.Start, stop.Token))
                {
                    lock (seen)
                    {
                        seen.AddRange(page);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var appended = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var ids = new List<Guid>();
            for (var i = 0; i < appendsEach; i++)
            {
                var batch = Batch(Guid.NewGuid(), 1 + (i % 3), Day);
                await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, batch);
                ids.AddRange(batch.Select(e => e.EventId));
            }

            return ids;
        })));
        var expected = appended.SelectMany(ids => ids).ToHashSet();
        while (Count() < expected.Count && !stop.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        await Task.Delay(300);
        await stop.CancelAsync();
        await subscription;
        await Dispose(subscriber);

        await Store.LogShowsEverythingAsync();
        var log = await Store.ReadAllAsync(LogPosition.Start, int.MaxValue);
        Assert.Equal(expected.Count, seen.Count);
        Assert.True(expected.SetEquals(seen.Select(e => e.EventId)));
        Assert.Equal(log.Select(e => e.EventId), seen.Select(e => e.EventId));
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.Position < p.Second.Position));

        int Count()
        {
            lock (seen)
            {
                return seen.Count;
            }
        }
    }
}
