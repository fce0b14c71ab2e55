using CaseTracker.Domain.Cases;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

/// <summary>
/// What the one-statement single append (PostgreSQL's append_one.sql, SQLite's writer with versions read from the
/// events) must refuse without writing anything: an expected version behind, ahead of, or for a stream that does not
/// exist; a claim another stream holds. Each refused append carries a new applicant: no key of theirs may stay behind.
/// </summary>
public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task An_expected_version_behind_ahead_or_of_a_missing_stream_is_a_conflict_that_writes_no_event_key_or_claim()
    {
        var (stream, missing) = (NewStream(), NewStream());
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, New(Received(CaseStreams.CaseIdOf(stream)!.Value, Day), Supplement(Day)));

        Task<AppendResult> Refused(string target, ExpectedVersion expected)
        {
            var received = Received(Guid.NewGuid(), Day, Applicant("褚五"));
            return Store.AppendAsync(target, expected, New(received), UniqueClaim.Of([received]));
        }

        var behind = await Refused(stream, ExpectedVersion.Exact(1));
        var ahead = await Refused(stream, ExpectedVersion.Exact(3));
        var existing = await Refused(stream, ExpectedVersion.NoStream);
        var nowhere = await Refused(missing, ExpectedVersion.Exact(2));

        Assert.Equal(new AppendResult.Conflict(stream, ExpectedVersion.Exact(1), 2), behind);
        Assert.Equal(new AppendResult.Conflict(stream, ExpectedVersion.Exact(3), 2), ahead);
        Assert.Equal(new AppendResult.Conflict(stream, ExpectedVersion.NoStream, 2), existing);
        Assert.Equal(new AppendResult.Conflict(missing, ExpectedVersion.Exact(2), 0), nowhere);
        Assert.Equal(2L, await RawScalarAsync("SELECT count(*) FROM events"));
        Assert.Equal(0L, await RawScalarAsync("SELECT count(*) FROM subject_keys"));
        Assert.Equal(0L, await RawScalarAsync("SELECT count(*) FROM unique_claims"));
        Assert.Empty(await Store.ReadStreamAsync(missing));
        var next = await Store.AppendAsync(stream, ExpectedVersion.Exact(2), New(Supplement(Day)));
        Assert.Equal(3L, Assert.IsType<AppendResult.Appended>(next).StreamVersion);
        Assert.Equal([1L, 2L, 3L], (await Store.ReadStreamAsync(stream)).Select(e => e.StreamVersion));
    }

    [Fact]
    public async Task A_claim_another_stream_holds_refuses_a_new_applicants_case_and_leaves_neither_event_nor_key()
    {
        var (holder, late) = (NewStream(), NewStream());
        var received = Received(CaseStreams.CaseIdOf(holder)!.Value, Day);
        await Store.AppendAsync(holder, ExpectedVersion.NoStream, New(received), UniqueClaim.Of([received]));
        var copy = Received(CaseStreams.CaseIdOf(late)!.Value, Day, Applicant("卫六")) with { CaseNumber = received.CaseNumber };

        var refused = await Store.AppendAsync(late, ExpectedVersion.NoStream, New(copy), UniqueClaim.Of([copy]));

        Assert.Equal(new AppendResult.Duplicate(Assert.Single(UniqueClaim.Of([copy])), late, holder), refused);
        Assert.Empty(await Store.ReadStreamAsync(late));
        Assert.Equal(1L, await RawScalarAsync("SELECT count(*) FROM events"));
        Assert.Equal(0L, await RawScalarAsync("SELECT count(*) FROM subject_keys"));
        Assert.Equal(1L, await RawScalarAsync("SELECT count(*) FROM unique_claims"));
    }

    [Fact]
    public async Task Appends_refused_one_after_another_leave_the_store_writing_and_waking_as_before()
    {
        // PostgreSQL: each refusal (a unique violation in the one-round-trip append, which carries its wake-up behind an
        // error barrier) comes back on a pooled connection that the next append uses.
        var (holder, stream) = (NewStream(), NewStream());
        var received = Received(CaseStreams.CaseIdOf(holder)!.Value, Day);
        await Store.AppendAsync(holder, ExpectedVersion.NoStream, New(received), UniqueClaim.Of([received]));
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, New(Received(CaseStreams.CaseIdOf(stream)!.Value, Day)));

        var results = new List<AppendResult>();
        for (var i = 0; i < 10; i++)
        {
            var late = NewStream();
            var copy = Received(CaseStreams.CaseIdOf(late)!.Value, Day, Applicant("蒋七")) with { CaseNumber = received.CaseNumber };
            results.Add(await Store.AppendAsync(late, ExpectedVersion.NoStream, New(copy), UniqueClaim.Of([copy])));
            results.Add(await Store.AppendAsync(stream, ExpectedVersion.Exact(i + 1), New(Supplement(Day))));
        }

        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.IsType<AppendResult.Duplicate>(r));
        Assert.Equal(Enumerable.Range(2, 10).Select(v => (long)v), results.Where((_, i) => i % 2 == 1).Select(r => Assert.IsType<AppendResult.Appended>(r).StreamVersion));
        Assert.Equal(12L, await RawScalarAsync("SELECT count(*) FROM events"));
        Assert.Equal(0L, await RawScalarAsync("SELECT count(*) FROM subject_keys"));
    }
}
