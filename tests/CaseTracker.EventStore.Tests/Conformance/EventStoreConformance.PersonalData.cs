using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Projections;
using CaseTracker.ReadModels.CaseList;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task Personal_data_is_not_stored_in_clear()
    {
        var applicant = Applicant("李四");
        await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, New(Received(Guid.NewGuid(), Day, applicant)));

        var payload = Assert.Single(await RawAsync("SELECT payload FROM events_log", r => r.GetString(0)));
        await Store.LogShowsEverythingAsync();
        var stored = Assert.Single(await Store.ReadAllAsync(LogPosition.Start, 10));

        Assert.DoesNotContain("李四", payload, StringComparison.Ordinal);
        Assert.DoesNotContain(applicant.IdNumber!, payload, StringComparison.Ordinal);
        Assert.DoesNotContain(applicant.Phone!, payload, StringComparison.Ordinal);
        Assert.Equal(applicant, ((CaseEvent.Received)stored.Event).Applicant);
    }

    [Fact]
    public async Task Erasing_a_subject_keeps_its_events_readable_with_the_applicant_erased_and_the_read_model_unchanged()
    {
        var (erased, kept) = (Applicant("王五"), Applicant("赵六"));
        var (erasedCase, keptCase) = (Guid.NewGuid(), Guid.NewGuid());
        await Store.AppendAsync(CaseStreams.For(erasedCase), ExpectedVersion.NoStream, New(Received(erasedCase, Day, erased), Disclosed(Day.AddDays(10))));
        await Store.AppendAsync(CaseStreams.For(keptCase), ExpectedVersion.NoStream, New(Received(keptCase, Day, kept)));
        var runner = new ProjectionRunner(Store, Store, new CaseListProjection(CasePolicy.Default));
        await Store.LogShowsEverythingAsync();
        await runner.CatchUpAsync();
        var rowsBefore = await new CaseListQueries(Store).AllAsync();

        var existed = await Store.ErasePersonalDataAsync(erased.SubjectId);
        await Store.LogShowsEverythingAsync();
        await runner.RebuildAsync();

        var erasedStream = await Store.ReadStreamAsync(CaseStreams.For(erasedCase));
        Assert.True(existed);
        Assert.False(await Store.ErasePersonalDataAsync(erased.SubjectId));
        Assert.Equal(2, erasedStream.Count);
        Assert.Equal(PersonalData.Erased(erased.SubjectId), ((CaseEvent.Received)erasedStream[0].Event).Applicant);
        Assert.Equal("（个人信息已删除）", ((CaseEvent.Received)erasedStream[0].Event).Applicant!.Name);
        Assert.Equal(kept, ((CaseEvent.Received)(await Store.ReadStreamAsync(CaseStreams.For(keptCase)))[0].Event).Applicant);
        Assert.Equal(rowsBefore, await new CaseListQueries(Store).AllAsync());
        Assert.Equal(2, rowsBefore.Count);
    }
}
