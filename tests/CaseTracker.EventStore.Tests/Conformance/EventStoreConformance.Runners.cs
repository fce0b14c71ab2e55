using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task Two_runners_of_one_projection_at_once_apply_each_event_exactly_once()
    {
        var sizes = Enumerable.Range(0, 40).Select(i => 1 + (i % 3)).ToList();
        foreach (var size in sizes)
        {
            await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, Batch(Guid.NewGuid(), size, Day));
        }

        var other = await OpenAnotherStoreAsync();
        var runners = new[] { Store, other }.Select(s => new ProjectionRunner(s, s, new SeenOnce()) { PageSize = 5 }).ToList();

        await Store.LogShowsEverythingAsync();
        var applied = await Task.WhenAll(runners.Select(r => Task.Run(() => r.CatchUpAsync())));
        await Dispose(other);

        var seen = await RawAsync("SELECT name FROM checkpoints WHERE name LIKE 'seen:%'", r => r.GetString(0));
        Assert.Equal(sizes.Sum(), seen.Count);
        Assert.Equal(sizes.Sum(), applied.Sum());
    }

    [Fact]
    public async Task Runners_caught_up_together_each_apply_only_what_lies_after_their_own_checkpoint()
    {
        for (var i = 0; i < 4; i++)
        {
            await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, Batch(Guid.NewGuid(), 1, Day));
        }

        var ahead = new ProjectionRunner(Store, Store, new SeenBy("ahead")) { PageSize = 3 };
        var behind = new ProjectionRunner(Store, Store, new SeenBy("behind")) { PageSize = 3 };
        await Store.LogShowsEverythingAsync();
        Assert.Equal(4, await ahead.CatchUpAsync());
        for (var i = 0; i < 6; i++)
        {
            await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, Batch(Guid.NewGuid(), 1, Day));
        }

        await Store.LogShowsEverythingAsync();
        var applied = await ProjectionRunner.CatchUpTogetherAsync([ahead, behind]);

        // 6 new events for the runner that had seen 4, all 10 for the other: each event once per runner (primary key).
        Assert.Equal(16, applied);
        Assert.Equal(10, (await RawAsync("SELECT name FROM checkpoints WHERE name LIKE 'ahead:%'", r => r.GetString(0))).Count);
        Assert.Equal(10, (await RawAsync("SELECT name FROM checkpoints WHERE name LIKE 'behind:%'", r => r.GetString(0))).Count);
        Assert.Equal(0, (await ahead.StatusAsync()).Lag);
        Assert.Equal(0, (await behind.StatusAsync()).Lag);
        Assert.Equal(0, await ProjectionRunner.CatchUpTogetherAsync([ahead, behind]));
    }

    [Fact]
    public async Task A_catch_up_cut_short_keeps_its_committed_transactions_and_applies_the_rest_exactly_once_when_run_again()
    {
        for (var i = 0; i < 10; i++)
        {
            await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, Batch(Guid.NewGuid(), 1, Day));
        }

        var failing = new FailsOnceAt("cut", 7);
        var runner = new ProjectionRunner(Store, Store, failing) { PageSize = 2 };
        await Store.LogShowsEverythingAsync();

        // Transactions of two pages (4 events): events 1-4 commit; the 7th fails the second transaction (5-8).
        await Assert.ThrowsAsync<InvalidOperationException>(() => ProjectionRunner.CatchUpTogetherAsync([runner], eventsPerTransaction: 4));
        Assert.Equal(4, (await RawAsync("SELECT name FROM checkpoints WHERE name LIKE 'cut:%'", r => r.GetString(0))).Count);
        Assert.Equal(6, (await runner.StatusAsync()).Lag);

        Assert.Equal(6, await ProjectionRunner.CatchUpTogetherAsync([runner], eventsPerTransaction: 4));
        Assert.Equal(10, (await RawAsync("SELECT name FROM checkpoints WHERE name LIKE 'cut:%'", r => r.GetString(0))).Count);
        Assert.Equal(0, (await runner.StatusAsync()).Lag);
    }

    /// <summary>Like <see cref="SeenBy"/>, but the n-th event it is given fails, once.</summary>
    private sealed class FailsOnceAt(string prefix, int n) : IProjection
    {
        private int _given;

        public string Name => prefix;

        public Task ApplyAsync(EventEnvelope envelope, ProjectionContext context, CancellationToken ct) =>
            ++_given == n
                ? throw new InvalidOperationException("cut short")
                : context.Connection.ExecuteAsync(context.Transaction, "INSERT INTO checkpoints (name, commit_pos, prepare_pos) VALUES (@name, 0, 0)", ct,
                    ("name", $"{prefix}:{envelope.EventId}"));

        public Task ResetAsync(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
    }

    /// <summary>Writes one row per event under its own prefix; applying an event twice breaks the primary key.</summary>
    private sealed class SeenBy(string prefix) : IProjection
    {
        public string Name => prefix;

        public Task ApplyAsync(EventEnvelope envelope, ProjectionContext context, CancellationToken ct) =>
            context.Connection.ExecuteAsync(context.Transaction, "INSERT INTO checkpoints (name, commit_pos, prepare_pos) VALUES (@name, 0, 0)", ct,
                ("name", $"{prefix}:{envelope.EventId}"));

        public Task ResetAsync(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
    }

    /// <summary>Writes one row per event; applying an event twice breaks the primary key.</summary>
    private sealed class SeenOnce : IProjection
    {
        public string Name => "seen-once";

        public Task ApplyAsync(EventEnvelope envelope, ProjectionContext context, CancellationToken ct) =>
            context.Connection.ExecuteAsync(context.Transaction, "INSERT INTO checkpoints (name, commit_pos, prepare_pos) VALUES (@name, 0, 0)", ct,
                ("name", $"seen:{envelope.EventId}"));

        public Task ResetAsync(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
    }
}
