using CaseTracker.Domain.Cases;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

/// <summary>
/// The cases a one-round-trip append (PostgreSQL) must hand back to the general protocol: a subject that already has
/// its key, an event id already stored in another stream, a retry with claims.
/// </summary>
public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task A_second_case_of_an_applicant_who_already_has_a_key_is_sealed_with_that_key()
    {
        var applicant = Applicant("钱七");
        var (first, second) = (NewStream(), NewStream());
        await Store.AppendAsync(first, ExpectedVersion.NoStream, New(Received(CaseStreams.CaseIdOf(first)!.Value, Day, applicant)));

        var appended = await Store.AppendAsync(second, ExpectedVersion.NoStream, New(Received(CaseStreams.CaseIdOf(second)!.Value, Day, applicant)));

        Assert.Equal(new AppendResult.Appended(1, ((AppendResult.Appended)appended).LastPosition, 1), appended);
        Assert.Equal(1L, await RawScalarAsync("SELECT count(*) FROM subject_keys"));
        await Store.LogShowsEverythingAsync();
        var both = await Store.ReadAllAsync(LogPosition.Start, 10);
        Assert.Equal([applicant, applicant], both.Select(e => ((CaseEvent.Received)e.Event).Applicant));

        Assert.True(await Store.ErasePersonalDataAsync(applicant.SubjectId));
        var erased = await Store.ReadAllAsync(LogPosition.Start, 10);
        Assert.Equal([PersonalData.Erased(applicant.SubjectId), PersonalData.Erased(applicant.SubjectId)],
            erased.Select(e => ((CaseEvent.Received)e.Event).Applicant));
    }

    [Fact]
    public async Task An_event_id_already_in_another_stream_is_refused_and_nothing_of_the_append_is_written()
    {
        var shared = One(Received(Guid.NewGuid(), Day));
        await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, [shared]);
        var other = NewStream();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Store.AppendAsync(other, ExpectedVersion.NoStream, [One(Received(CaseStreams.CaseIdOf(other)!.Value, Day)), shared]));

        Assert.Empty(await Store.ReadStreamAsync(other));
        Assert.Equal(1L, await RawScalarAsync("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_retried_append_with_its_claim_writes_nothing_and_returns_the_stream_version()
    {
        var stream = NewStream();
        var received = Received(CaseStreams.CaseIdOf(stream)!.Value, Day);
        var events = New(received);
        var claims = UniqueClaim.Of([received]);
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, events, claims);

        var retried = await Store.AppendAsync(stream, ExpectedVersion.NoStream, events, claims);

        Assert.Equal(new AppendResult.Appended(1, null, 0), retried);
        Assert.Single(await Store.ReadStreamAsync(stream));
    }
    [Fact]
    public async Task Appends_the_server_refused_leave_nothing_behind_and_the_next_appends_are_written()
    {
        var claim = new UniqueClaim("case-number", "某区政务服务局\u001f2024-101");
        var (a, b, c) = (NewStream(), NewStream(), NewStream());
        var applicant = Applicant("孙八");

        var first = await Store.AppendAsync(a, ExpectedVersion.NoStream, New(Received(CaseStreams.CaseIdOf(a)!.Value, Day, applicant)), [claim]);
        var again = await Store.AppendAsync(a, ExpectedVersion.NoStream, New(Received(CaseStreams.CaseIdOf(a)!.Value, Day)));
        var taken = await Store.AppendAsync(b, ExpectedVersion.NoStream, New(Received(CaseStreams.CaseIdOf(b)!.Value, Day, Applicant("周九"))), [claim]);
        var stale = await Store.AppendAsync(a, ExpectedVersion.Exact(5), New(Supplement(Day.AddDays(1))));
        var next = await Store.AppendAsync(a, ExpectedVersion.Exact(1), New(Supplement(Day.AddDays(1)), new CaseEvent.SupplementReceived(Day.AddDays(3))));
        var other = await Store.AppendAsync(c, ExpectedVersion.NoStream, New(Received(CaseStreams.CaseIdOf(c)!.Value, Day)));

        Assert.Equal(1, Assert.IsType<AppendResult.Appended>(first).StreamVersion);
        Assert.Equal(1, Assert.IsType<AppendResult.Conflict>(again).ActualVersion);
        Assert.Equal(new AppendResult.Duplicate(claim, b, a), taken);
        Assert.Equal(1, Assert.IsType<AppendResult.Conflict>(stale).ActualVersion);
        Assert.Equal((3L, 2), (Assert.IsType<AppendResult.Appended>(next).StreamVersion, ((AppendResult.Appended)next).Written));
        Assert.Equal(1, Assert.IsType<AppendResult.Appended>(other).StreamVersion);
        Assert.Equal([1L, 2L, 3L], (await Store.ReadStreamAsync(a)).Select(e => e.StreamVersion));
        Assert.Empty(await Store.ReadStreamAsync(b));
        Assert.Equal(4L, await RawScalarAsync("SELECT count(*) FROM events"));
        Assert.Equal(1L, await RawScalarAsync("SELECT count(*) FROM subject_keys"));
        Assert.Equal([(claim.Key, a)], (await Store.ClaimsAsync("case-number")).Select(p => (p.Key, p.Value)));
    }
}
