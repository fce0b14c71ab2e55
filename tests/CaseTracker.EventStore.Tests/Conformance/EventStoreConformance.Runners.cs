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
