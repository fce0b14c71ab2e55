using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public sealed partial class PostgresEventStoreTests
{
    /// <summary>
    /// A subscriber that starts while an older transaction elsewhere on the server hides a commit made before it started
    /// has no wake-up coming (the notification went out before it listened): it must look again soon, not wait for its
    /// next poll. CI failed so (the wake-up conformance test, while another test process held a transaction open).
    /// </summary>
    [Fact]
    public async Task A_subscriber_started_while_an_older_transaction_hides_a_commit_sees_it_once_that_transaction_ends()
    {
        var writer = await OpenAnotherStoreAsync();
        Store.PollInterval = TimeSpan.FromHours(1);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var open = await OpenOlderTransactionAsync();

        var appended = One(Received(Guid.NewGuid(), Day));
        await writer.AppendAsync(NewStream(), ExpectedVersion.NoStream, [appended]);
        var subscribed = Store.SubscribeToAllAsync(LogPosition.Start, stop.Token).GetAsyncEnumerator(stop.Token);
        var firstPage = subscribed.MoveNextAsync().AsTask();
        await Task.Delay(300);
        Assert.False(firstPage.IsCompleted);
        await open.CommitAsync();

        Assert.True(await firstPage.WaitAsync(TimeSpan.FromSeconds(10), stop.Token));
        Assert.Equal([appended.EventId], subscribed.Current.Select(e => e.EventId));
        await stop.CancelAsync();
        await subscribed.DisposeAsync();
        await Dispose(writer);
    }
}
