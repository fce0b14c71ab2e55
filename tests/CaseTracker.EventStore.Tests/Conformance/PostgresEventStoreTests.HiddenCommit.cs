using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public sealed partial class PostgresEventStoreTests
{
    /// <summary>
    /// A subscriber woken by an append whose events the log does not show yet (an older transaction elsewhere on the server
    /// is still open, so the commit is hidden) must look again soon, not wait for its next poll: CI failed once so, when
    /// another test assembly held a transaction open on the shared server.
    /// </summary>
    [Fact]
    public async Task A_subscriber_woken_while_an_older_transaction_hides_the_commit_sees_it_once_that_transaction_ends()
    {
        var writer = await OpenAnotherStoreAsync();
        Store.PollInterval = TimeSpan.FromHours(1);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var subscribed = Store.SubscribeToAllAsync(LogPosition.Start, stop.Token).GetAsyncEnumerator(stop.Token);
        var firstPage = subscribed.MoveNextAsync().AsTask();
        await Task.Delay(300);

        await using var open = await OpenOlderTransactionAsync();

        var appended = One(Received(Guid.NewGuid(), Day));
        await writer.AppendAsync(NewStream(), ExpectedVersion.NoStream, [appended]);
        await Task.Delay(500);
        Assert.Empty(await Store.ReadAllAsync(LogPosition.Start, 10));
        await open.CommitAsync();

        Assert.True(await firstPage.WaitAsync(TimeSpan.FromSeconds(10), stop.Token));
        Assert.Equal([appended.EventId], subscribed.Current.Select(e => e.EventId));
        await stop.CancelAsync();
        await subscribed.DisposeAsync();
        await Dispose(writer);
    }
}
