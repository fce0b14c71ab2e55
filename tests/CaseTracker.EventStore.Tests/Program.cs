using CaseTracker.EventStore.Tests.Infrastructure;

namespace CaseTracker.EventStore.Tests;

/// <summary>
/// The tests' child process. <c>crash-append adapter target stream count stopAfter marker</c> starts one append of
/// <c>count</c> events and, after <c>stopAfter</c> rows are written inside its transaction, creates the marker file and
/// waits to be killed. <c>append-concurrently adapter target count</c> appends <c>count</c> new streams of one event each,
/// all at once, and exits (another process's appends for the wake-up tests).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["append-concurrently", var adapterName, var database, var streams])
        {
            var writer = await StoreFactory.OpenAsync(adapterName, database);
            var appends = Enumerable.Range(0, int.Parse(streams, System.Globalization.CultureInfo.InvariantCulture)).Select(_ => Task.Run(() =>
                writer.AppendAsync(CaseTracker.EventStore.CaseStreams.For(Guid.NewGuid()), ExpectedVersion.NoStream, Samples.New(Samples.Received(Guid.NewGuid(), new DateOnly(2024, 3, 1))))));
            var results = await Task.WhenAll(appends);
            await writer.DisposeAsync();
            return results.All(r => r is AppendResult.Appended { Written: 1 }) ? 0 : 1;
        }

        if (args is not ["crash-append", var adapter, var target, var stream, var count, var stopAfter, var marker])
        {
            await Console.Error.WriteLineAsync("usage: crash-append <sqlite|postgres> <target> <stream> <count> <stopAfter> <marker>");
            return 2;
        }

        var store = await StoreFactory.OpenAsync(adapter, target);
        var stop = int.Parse(stopAfter, System.Globalization.CultureInfo.InvariantCulture);
        store.AfterEventWritten = written =>
        {
            if (written == stop)
            {
                File.WriteAllText(marker, $"{written}");
                Thread.Sleep(Timeout.Infinite);
            }
        };
        var events = Samples.Batch(Guid.NewGuid(), int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2024, 3, 1));
        await store.AppendAsync(stream, ExpectedVersion.NoStream, events);
        Console.WriteLine("DONE");
        return 0;
    }
}
