using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Projections;
using CaseTracker.ReadModels.Appeals;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task The_appeals_model_holds_each_case_as_of_its_last_appeal_event_whether_they_come_in_one_page_or_later()
    {
        var (first, second, quiet) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var filed = Day.AddDays(40);
        await Store.AppendManyAsync(
        [
            new(CaseStreams.For(first), ExpectedVersion.NoStream, New(Received(first, Day), Disclosed(Day.AddDays(10)),
                new CaseEvent.ReconsiderationFiled("r1", filed, "市人民政府"), new CaseEvent.ReconsiderationConcluded("r1", filed.AddDays(50), AppealResult.Upheld),
                new CaseEvent.LawsuitFiled("l1", filed.AddDays(60), "区人民法院", true))),
            new(CaseStreams.For(second), ExpectedVersion.NoStream, New(Received(second, Day), Disclosed(Day.AddDays(10)),
                new CaseEvent.LawsuitFiled("l2", filed, "区人民法院", false))),
            new(CaseStreams.For(quiet), ExpectedVersion.NoStream, New(Received(quiet, Day), Disclosed(Day.AddDays(10)))),
        ]);
        var runner = new ProjectionRunner(Store, Store, new AppealsProjection());
        await Store.LogShowsEverythingAsync();
        await runner.CatchUpAsync();
        await Store.AppendAsync(CaseStreams.For(second), ExpectedVersion.Exact(3), New(new CaseEvent.LawsuitConcluded("l2", filed.AddDays(90), AppealResult.Corrected)));

        await Store.LogShowsEverythingAsync();
        await runner.CatchUpAsync();
        var appeals = await new AppealQueries(Store).AppealsByCaseAsync();
        await Store.LogShowsEverythingAsync();
        await runner.RebuildAsync();
        var rebuilt = await new AppealQueries(Store).AppealsByCaseAsync();

        Assert.Equal(
            [new AppealRow(first, "l1", AppealKind.Lawsuit, filed.AddDays(60), true, null, null),
             new AppealRow(first, "r1", AppealKind.Reconsideration, filed, false, filed.AddDays(50), AppealResult.Upheld)],
            appeals[first].OrderBy(a => a.AppealId));
        Assert.Equal([new AppealRow(second, "l2", AppealKind.Lawsuit, filed, false, filed.AddDays(90), AppealResult.Corrected)], appeals[second]);
        Assert.Empty(appeals[quiet]);
        Assert.Equal(appeals.SelectMany(g => g).OrderBy(a => a.AppealId), rebuilt.SelectMany(g => g).OrderBy(a => a.AppealId));
    }
}
