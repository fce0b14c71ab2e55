using CaseTracker.EventStore.Sql;
using Npgsql;

namespace CaseTracker.EventStore.Postgres;

/// <summary>
/// Wakes the subscribers of every process after appends committed (<c>notify.sql</c>), outside the appends'
/// transactions: a NOTIFY inside one takes PostgreSQL's cluster-wide notify lock from pre-commit until after the
/// commit's WAL flush, so the appending commits of the whole server waited for each other's fsync (host7, issue 14).
/// Coalesced: one wake-up in flight at a time; appends that commit while it is on its way get one more after it. A
/// wake-up that fails is dropped: subscribers poll anyway (a lost wake-up only delays them).
/// </summary>
internal sealed class PostgresNotifier(NpgsqlDataSource source, SqlScripts sql) : IAsyncDisposable
{
    private const int Idle = 0;
    private const int Sending = 1;
    private const int SendAgain = 2;
    private int _state;
    private Task _running = Task.CompletedTask;

    /// <summary>Appends committed: wake the subscribers (returns at once).</summary>
    public void Signal()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state == SendAgain)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _state, state + 1, state) == state)
            {
                if (state == Idle)
                {
                    _running = Task.Run(SendAsync);
                }

                return;
            }
        }
    }

    private async Task SendAsync()
    {
        while (true)
        {
            try
            {
                await using var connection = await source.OpenConnectionAsync();
                await connection.ExecuteAsync(null, sql["notify"], CancellationToken.None);
            }
            catch (Exception e) when (e is NpgsqlException or ObjectDisposedException or InvalidOperationException or TimeoutException)
            {
                // Dropped: subscribers find the events at their next poll.
            }

            if (Interlocked.CompareExchange(ref _state, Idle, Sending) == Sending)
            {
                return;
            }

            // Appends committed while this one was on its way (the state was SendAgain): one more wake-up for them.
            Volatile.Write(ref _state, Sending);
        }
    }

    /// <summary>Waits for the wake-up in flight (before the pool it uses is disposed).</summary>
    public async ValueTask DisposeAsync() => await _running;
}
