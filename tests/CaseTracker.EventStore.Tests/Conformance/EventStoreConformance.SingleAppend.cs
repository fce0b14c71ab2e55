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
}
