using CaseTracker.EventStore;

namespace CaseTracker.Testing;

public static class LogVisibility
{
    /// <summary>
    /// Waits until the global log shows every event committed so far. On PostgreSQL the log shows an event once no
    /// older transaction anywhere on the server is still running (read_all.sql); the other test assemblies share the
    /// server and can hold one open for a moment, so a test that reads the log right after appending could see too
    /// little (seen failing in a clean-clone run: a projection that caught up on nothing).
    /// </summary>
    public static async Task LogShowsEverythingAsync(this IEventStore store)
    {
        var committed = await store.CountAfterAsync(LogPosition.Start);
        await Eventually.ReturnsAsync(
            async () => (await store.ReadAllAsync(LogPosition.Start, int.MaxValue)).Count, shown => shown >= committed,
            $"the log to show the {committed} committed events", TimeSpan.FromSeconds(30));
    }
}
