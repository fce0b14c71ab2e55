using System.Collections.Concurrent;
using Npgsql;

namespace CaseTracker.EventStore.Postgres;

/// <summary>
/// The wake-up of the subscribers of one database in this process: every <see cref="PostgresEventStore"/> of the
/// database fires it after its appends commit, and this process's subscribers wait on it (beside their LISTEN
/// connection, which brings other processes' wake-ups). It also knows the server processes of this process's LISTEN
/// connections, so that a store can tell whether anyone else listens (see <see cref="PostgresNotifier"/>).
/// </summary>
internal sealed class PostgresWakeups
{
    private static readonly ConcurrentDictionary<string, PostgresWakeups> Databases = new(StringComparer.Ordinal);

    private long _generation;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The wake-ups of the database the connection string names (by host, port and database).</summary>
    public static PostgresWakeups For(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return Databases.GetOrAdd($"{builder.Host}:{builder.Port}/{builder.Database}", _ => new PostgresWakeups());
    }

    /// <summary>The server process ids of this process's LISTEN connections to the database.</summary>
    public ConcurrentDictionary<int, byte> Listeners { get; } = new();

    /// <summary>How many wake-ups were fired so far (a waiter that saw fewer returns at once: none is lost between two waits).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Completes at the next wake-up.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Appends committed: wakes this process's subscribers.</summary>
    public void Fire()
    {
        Interlocked.Increment(ref _generation);
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
