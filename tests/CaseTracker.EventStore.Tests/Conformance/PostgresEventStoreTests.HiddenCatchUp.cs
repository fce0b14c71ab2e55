using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Projections;
using CaseTracker.ReadModels.CaseList;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public sealed partial class PostgresEventStoreTests
{
    /// <summary>
    /// A catch-up (the command line after an import; a request checking against a read model) goes at least as far as what
    /// was committed when it began, even while an older transaction elsewhere on the server hides those commits for a
    /// moment: stopping at the first empty page left the read models short (a clean-clone run: an import's export came
    /// out empty on PostgreSQL while another test process held a transaction open).
    /// </summary>
    [Fact]
    public async Task A_catch_up_waits_for_commits_an_older_transaction_hides_instead_of_stopping_short()
    {
        var writer = await OpenAnotherStoreAsync();
        var runner = new ProjectionRunner(Store, Store, new CaseListProjection(CasePolicy.Default));
        await using var open = await OpenOlderTransactionAsync();

        var appended = One(Received(Guid.NewGuid(), Day));
        await writer.AppendAsync(NewStream(), ExpectedVersion.NoStream, [appended]);
        Assert.Empty(await Store.ReadAllAsync(LogPosition.Start, 10));
        var catchUp = ProjectionRunner.CatchUpTogetherAsync([runner]);
        await Task.Delay(300);
        await open.CommitAsync();

        Assert.Equal(1, await catchUp.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, (await runner.StatusAsync()).Lag);
        await Dispose(writer);
    }
}
