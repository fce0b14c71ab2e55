using CaseTracker.Agencies;
using CaseTracker.Calendar;
using CaseTracker.Cases;
using CaseTracker.Composition;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Fees;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Sql;
using CaseTracker.ReadModels;
using CaseTracker.ReadModels.Applicants;
using CaseTracker.Search;
using CaseTracker.Statute;

namespace CaseTracker.Tests.Statute;

/// <summary>
/// The 按件 number reads two read models (the applicant's keyed hashes and the case list, for the case numbers), each
/// followed by its own runner in the host. Found by CI (StatuteApiTests: a 12th request of the month computed as free):
/// the lookup waited for the applicants' keys only, so a case list that lagged dropped the earlier requests. Now both are
/// brought up to the log before the count.
/// </summary>
public sealed class FeeItemFreshnessTests : IDisposable
{
    private const string Agency = "区教育局";
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_per_item_number_waits_for_the_case_list_as_well_as_the_applicants_keys()
    {
        await using var store = await StoreLocation.Parse("sqlite:" + _folder.File("store.db"))!.OpenAsync(TimeProvider.System, default);
        var documents = new DocumentStore(store, TimeProvider.System);
        await new AgencyDirectory(documents).SaveAsync([new Agency(Agency, null)], "test", default);
        var applicant = new PersonalData(Guid.NewGuid(), "张三", "11010119900307123X", null, null);
        var on = new DateOnly(2026, 11, 2);
        var receipts = Enumerable.Range(1, 12)
            .Select(i => new CaseEvent.Received(Guid.NewGuid(), Agency, $"2026-{i:000}", on, Channel.Online, ApplicantType.NaturalPerson,
                applicant with { SubjectId = Guid.NewGuid() }, "请求公开某文件", "电子邮件"))
            .ToList();
        var appends = receipts.Select(r => new StreamAppend(CaseStreams.For(r.CaseId), ExpectedVersion.NoStream,
            [new NewEvent(Guid.NewGuid(), r, new EventMetadata("test", Guid.NewGuid()))])).ToList();
        Assert.IsType<AppendResult.Appended>(await store.AppendManyAsync(appends));
        await store.LogShowsEverythingAsync();

        // The applicants' keys are current; the case list has not applied anything yet (its runner lags behind the log).
        var readModels = new ReadModelSet(store, store, new PolicySource(CasePolicy.Default, documents));
        await readModels.Runners.Single(r => r.Name == ApplicantKeysProjection.ProjectionName).CatchUpAsync();

        var behavior = new StatuteBehavior<RecordMilestone, CaseChange>(store, store, new ReadModelFreshness(readModels));
        CaseCommand? passedOn = null;
        var twelfth = new RecordMilestone(receipts[11].CaseId, new CaseCommand.IssueFeeNotice(on, 0m, FeeMethod.PerItem, on));
        await behavior.Handle(twelfth, (message, _) =>
        {
            passedOn = message.Command;
            return ValueTask.FromResult<CaseChange>(null!);
        }, default);

        var notice = Assert.IsType<CaseCommand.IssueFeeNotice>(passedOn);
        Assert.Equal(12, notice.Quantity);
        Assert.Equal(100m, notice.Amount);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
