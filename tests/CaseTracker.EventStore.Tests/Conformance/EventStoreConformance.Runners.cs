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

    [Fact]
    public async Task Runners_followed_together_apply_each_wake_up_to_every_read_model_in_one_transaction_each_event_once()
    {
        await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, Batch(Guid.NewGuid(), 2, Day));
        var (caseList, keys) = (new InTransaction("list"), new InTransaction("keys"));
        var runners = new[] { caseList, keys }.Select(p => new ProjectionRunner(Store, Store, p)).ToList();
        await Store.LogShowsEverythingAsync();
        // The case list is ahead: it has seen the first two events already.
        Assert.Equal(2, await runners[0].CatchUpAsync());
        caseList.Transactions.Clear();

        using var stop = new CancellationTokenSource();
        var following = ProjectionRunner.RunTogetherAsync(runners, stop.Token);
        for (var i = 0; i < 5; i++)
        {
            await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, Batch(Guid.NewGuid(), 1, Day));
            await Store.LogShowsEverythingAsync();
            await Eventually.ReturnsAsync(async () => (await runners[0].StatusAsync()).Lag + (await runners[1].StatusAsync()).Lag, lag => lag == 0,
                "both read models follow the log");
        }

        await stop.CancelAsync();
        await following;

        // Each event once per read model (primary key), the keys also the two it had not seen.
        Assert.Equal(7, (await RawAsync("SELECT name FROM checkpoints WHERE name LIKE 'list:%'", r => r.GetString(0))).Count);
        Assert.Equal(7, (await RawAsync("SELECT name FROM checkpoints WHERE name LIKE 'keys:%'", r => r.GetString(0))).Count);
        // After the keys caught up, every wake-up wrote both read models in one transaction: one commit, not one per read model.
        var shared = keys.Transactions.Where(t => caseList.Transactions.Any(c => ReferenceEquals(c, t))).ToList();
        Assert.Equal(caseList.Transactions, shared);
        Assert.True(caseList.Transactions.Count >= 1);
    }

    /// <summary>
    /// Like <see cref="SeenBy"/>, and keeps what it was applied on, distinct and in order: the connection object, as the
    /// mark of one write transaction (a runner opens a connection per transaction, and Npgsql reuses its transaction
    /// objects across pooled connections, so the transaction object itself is no mark).
    /// </summary>
    private sealed class InTransaction(string prefix) : IProjection
    {
        public List<object> Transactions { get; } = [];

        public string Name => prefix;

        public Task ApplyAsync(EventEnvelope envelope, ProjectionContext context, CancellationToken ct)
        {
            if (!Transactions.Any(t => ReferenceEquals(t, context.Connection)))
            {
                Transactions.Add(context.Connection);
            }

            return context.Connection.ExecuteAsync(context.Transaction, "INSERT INTO checkpoints (name, commit_pos, prepare_pos) VALUES (@name, 0, 0)", ct,
                ("name", $"{prefix}:{envelope.EventId}"));
        }

        public Task ResetAsync(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
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
