using CaseTracker.EventStore.Sql;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

/// <summary>Unique claims (IEventStore remarks): one stream per (scope, key), enforced in the append's transaction.</summary>
public abstract partial class EventStoreConformance
{
    private static readonly UniqueClaim Number1 = new("case-number", "某区政务服务局\u001f2023-001");
    private static readonly UniqueClaim Number2 = new("case-number", "某区政务服务局\u001f2023-002");

    [Fact]
    public async Task A_claim_held_by_another_stream_refuses_the_append_and_writes_nothing()
    {
        var (holder, second) = (NewStream(), NewStream());
        var first = await Store.AppendAsync(holder, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [Number1]);

        var result = await Store.AppendAsync(second, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, Applicant()), Supplement(Day.AddDays(1))), [Number2, Number1]);

        Assert.Equal(1, Assert.IsType<AppendResult.Appended>(first).Written);
        Assert.Equal(new AppendResult.Duplicate(Number1, second, holder), result);
        Assert.Empty(await Store.ReadStreamAsync(second));
        await Store.LogShowsEverythingAsync();
        Assert.Single(await Store.ReadAllAsync(LogPosition.Start, 100));
        Assert.Equal(0L, await RawScalarAsync("SELECT count(*) FROM subject_keys"));
        Assert.Equal([(Number1.Key, holder)], Sorted(await Store.ClaimsAsync("case-number")));
    }

    [Fact]
    public async Task Claims_are_per_scope_and_exact_key()
    {
        var streams = Enumerable.Range(0, 4).Select(_ => NewStream()).ToList();
        UniqueClaim[] claims = [Number1, new("other-scope", Number1.Key), new("case-number", "某区政务服务局\u001f2023-0010"), new("case-number", "某街道办事处\u001f2023-001")];

        var results = new List<AppendResult>();
        for (var i = 0; i < streams.Count; i++)
        {
            results.Add(await Store.AppendAsync(streams[i], ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [claims[i]]));
        }

        Assert.All(results, r => Assert.Equal(1, Assert.IsType<AppendResult.Appended>(r).Written));
        Assert.Equal(3, (await Store.ClaimsAsync("case-number")).Count);
        Assert.Equal(streams[1], (await Store.ClaimsAsync("other-scope"))[Number1.Key]);
    }

    [Fact]
    public async Task The_holder_may_claim_its_key_again_and_a_retried_append_with_claims_writes_nothing()
    {
        var (holder, other) = (NewStream(), NewStream());
        await Store.AppendAsync(holder, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [Number1]);
        var next = New(Supplement(Day.AddDays(1)));

        var again = await Store.AppendAsync(holder, ExpectedVersion.Exact(1), next, [Number1, Number2]);
        var retried = await Store.AppendAsync(holder, ExpectedVersion.Exact(1), next, [Number1, Number2]);
        var taken = await Store.AppendAsync(other, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [Number2]);

        await Store.LogShowsEverythingAsync();
        Assert.Equal(new AppendResult.Appended(2, (await Store.ReadAllAsync(LogPosition.Start, 100))[^1].Position, 1), again);
        Assert.Equal(new AppendResult.Appended(2, null, 0), retried);
        Assert.Equal(new AppendResult.Duplicate(Number2, other, holder), taken);
        Assert.Equal(2, (await Store.ReadStreamAsync(holder)).Count);
    }

    [Fact]
    public async Task A_version_conflict_is_decided_before_the_claims()
    {
        var (holder, stale) = (NewStream(), NewStream());
        await Store.AppendAsync(holder, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [Number1]);
        await Store.AppendAsync(stale, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)));

        var result = await Store.AppendAsync(stale, ExpectedVersion.NoStream, New(Supplement(Day)), [Number1]);

        Assert.Equal(new AppendResult.Conflict(stale, ExpectedVersion.NoStream, 1), result);
    }

    [Fact]
    public async Task A_claim_held_anywhere_in_append_many_refuses_the_whole_batch()
    {
        var (holder, existing, fresh, late) = (NewStream(), NewStream(), NewStream(), NewStream());
        await Store.AppendAsync(holder, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [Number1]);
        await Store.AppendAsync(existing, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)));
        var free = new UniqueClaim("case-number", "某区政务服务局\u001f2023-003");

        var result = await Store.AppendManyAsync(
        [
            new StreamAppend(fresh, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, Applicant())), [free]),
            new StreamAppend(existing, ExpectedVersion.Exact(1), New(Supplement(Day.AddDays(1))), [Number2]),
            new StreamAppend(late, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [Number1]),
        ]);

        Assert.Equal(new AppendResult.Duplicate(Number1, late, holder), result);
        await Store.LogShowsEverythingAsync();
        Assert.Equal(2, (await Store.ReadAllAsync(LogPosition.Start, 100)).Count);
        Assert.Empty(await Store.ReadStreamAsync(fresh));
        Assert.Equal(0L, await RawScalarAsync("SELECT count(*) FROM subject_keys"));
        Assert.Equal([(Number1.Key, holder)], Sorted(await Store.ClaimsAsync("case-number")));
    }

    [Fact]
    public async Task Two_streams_of_one_batch_claiming_one_key_are_refused_and_nothing_is_written()
    {
        var (first, second, bystander) = (NewStream(), NewStream(), NewStream());

        var result = await Store.AppendManyAsync(
        [
            new StreamAppend(bystander, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [Number2]),
            new StreamAppend(first, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [Number1]),
            new StreamAppend(second, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [Number1]),
        ]);

        Assert.Equal(new AppendResult.Duplicate(Number1, second, first), result);
        await Store.LogShowsEverythingAsync();
        Assert.Empty(await Store.ReadAllAsync(LogPosition.Start, 100));
        Assert.Empty(await Store.ClaimsAsync("case-number"));
    }

    [Fact]
    public async Task Append_many_takes_every_claim_of_the_batch_and_a_retry_of_the_batch_writes_nothing()
    {
        var streams = Enumerable.Range(0, 30).Select(_ => NewStream()).ToList();
        var appends = streams.Select((s, i) => new StreamAppend(s, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)),
            [new UniqueClaim("case-number", $"某区政务服务局\u001f2023-{i:D3}")])).ToList();

        var result = await Store.AppendManyAsync(appends);
        var retried = await Store.AppendManyAsync(appends);

        Assert.Equal(30, Assert.IsType<AppendResult.Appended>(result).Written);
        Assert.Equal(0, Assert.IsType<AppendResult.Appended>(retried).Written);
        var claims = await Store.ClaimsAsync("case-number");
        Assert.Equal(30, claims.Count);
        Assert.Equal(streams[7], claims["某区政务服务局\u001f2023-007"]);
    }

    [Fact]
    public async Task A_batch_naming_a_stream_twice_is_refused_too_when_a_later_part_claims_a_held_key()
    {
        var (holder, stream) = (NewStream(), NewStream());
        await Store.AppendAsync(holder, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [Number1]);

        var result = await Store.AppendManyAsync(
        [
            new StreamAppend(stream, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [Number2]),
            new StreamAppend(stream, ExpectedVersion.Exact(1), New(Supplement(Day.AddDays(1))), [Number1]),
        ]);

        Assert.Equal(new AppendResult.Duplicate(Number1, stream, holder), result);
        Assert.Empty(await Store.ReadStreamAsync(stream));
        Assert.Single(await Store.ClaimsAsync("case-number"));
    }

    [Fact]
    public async Task Of_writers_racing_for_one_claim_exactly_one_writes_and_the_others_name_it()
    {
        const int writers = 8;
        var streams = Enumerable.Range(0, writers).Select(_ => NewStream()).ToList();
        using var gate = new ManualResetEventSlim();
        var writes = streams.Select(s => Task.Run(() =>
        {
            gate.Wait();
            return Store.AppendAsync(s, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day), Supplement(Day.AddDays(1))), [Number1]);
        })).ToList();
        gate.Set();
        var results = await Task.WhenAll(writes);

        var winners = streams.Where((_, i) => results[i] is AppendResult.Appended).ToList();
        var winner = Assert.Single(winners);
        Assert.All(results.OfType<AppendResult.Duplicate>(), d => Assert.Equal(winner, d.HolderStreamId));
        Assert.Equal(writers - 1, results.OfType<AppendResult.Duplicate>().Count());
        await Store.LogShowsEverythingAsync();
        Assert.Equal([winner, winner], (await Store.ReadAllAsync(LogPosition.Start, 100)).Select(e => e.StreamId));
    }

    [Fact]
    public async Task Of_bulk_writers_racing_for_one_claim_exactly_one_batch_is_written()
    {
        const int writers = 6;
        var batches = Enumerable.Range(0, writers).Select(w => (IReadOnlyList<StreamAppend>)
        [
            new StreamAppend(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [new UniqueClaim("case-number", $"甲\u001f{w}")]),
            new StreamAppend(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [Number1]),
            new StreamAppend(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [new UniqueClaim("case-number", $"乙\u001f{w}")]),
        ]).ToList();

        var results = await Task.WhenAll(batches.Select(b => Task.Run(() => Store.AppendManyAsync(b))));

        var won = Assert.Single(results.Select((r, i) => (r, i)), p => p.r is AppendResult.Appended).i;
        Assert.Equal(writers - 1, results.OfType<AppendResult.Duplicate>().Count(d => d.HolderStreamId == batches[won][1].StreamId));
        await Store.LogShowsEverythingAsync();
        Assert.Equal(batches[won].Select(a => a.StreamId), (await Store.ReadAllAsync(LogPosition.Start, 100)).Select(e => e.StreamId));
        Assert.Equal(3, (await Store.ClaimsAsync("case-number")).Count);
    }

    [Fact]
    public async Task The_migration_claims_the_number_of_every_existing_case_keeping_the_first_of_a_number_used_twice()
    {
        var (first, twin, otherAgency, next) = (NewStream(), NewStream(), NewStream(), NewStream());
        await Store.AppendAsync(first, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day) with { CaseNumber = "2023-001" }, Supplement(Day.AddDays(1))));
        await Store.AppendAsync(twin, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day.AddDays(2)) with { Agency = " 某区政务服务局", CaseNumber = "2023-001\u3000" }));
        await Store.AppendAsync(otherAgency, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day) with { Agency = "某街道办事处", CaseNumber = "2023-001" }));
        await Store.AppendAsync(next, ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day) with { CaseNumber = "2023-002" }, Disclosed(Day.AddDays(3))));
        await UndoClaimsMigrationAsync();

        var reopened = await OpenAnotherStoreAsync(Time);
        var applied = reopened.MigrationsApplied;
        var claims = await reopened.ClaimsAsync("case-number");
        var duplicates = await reopened.ClaimDuplicatesAsync();
        var late = await reopened.AppendAsync(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day)), [UniqueClaim.CaseNumber("某区政务服务局", "2023-002")]);
        await Dispose(reopened);

        Assert.Equal(
            [("某区政务服务局\u001f2023-001", first), ("某区政务服务局\u001f2023-002", next), ("某街道办事处\u001f2023-001", otherAgency)],
            Sorted(claims));
        Assert.Equal(["0013_unique_claims"], applied);
        Assert.Equal(new[] { (Number1, twin, first) }, duplicates);
        Assert.Equal(next, Assert.IsType<AppendResult.Duplicate>(late).HolderStreamId);
    }

    private static List<(string Key, string Stream)> Sorted(IReadOnlyDictionary<string, string> claims) =>
        claims.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)).ToList();

    /// <summary>Takes the database back to before migration 0013, with its events, as an older version left it.</summary>
    private async Task UndoClaimsMigrationAsync()
    {
        await using var connection = await Store.OpenConnectionAsync(default);
        await connection.ExecuteAsync(null, "DROP TABLE unique_claims; DROP TABLE unique_claim_duplicates; DELETE FROM schema_migrations WHERE version = 13;", default);
    }
}
