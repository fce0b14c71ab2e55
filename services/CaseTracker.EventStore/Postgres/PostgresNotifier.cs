using System.Diagnostics;
using CaseTracker.EventStore.Sql;
using Npgsql;

namespace CaseTracker.EventStore.Postgres;

/// <summary>
/// Wakes the subscribers of OTHER processes (their LISTEN connections) after this store's appends committed, and only
/// when another process listens at all. This process's own subscribers are woken in the process (<see cref="PostgresWakeups"/>).
/// <para>
/// Why not a NOTIFY in the append's transaction (as before 0185): a transaction that notifies holds PostgreSQL's
/// cluster-wide notify lock from pre-commit until after its commit's WAL flush, so every appending commit of the server
/// flushed alone, one after the other (issue 14: the milestone's p99 at 50 requests/s), and each append paid the
/// notification queue's work even with nobody listening (the single append's server CPU). Nor a NOTIFY after every
/// commit: a transaction of its own per append (lead7b measured the serial single append 0.60× against 0.70×).
/// </para>
/// <para>
/// Whether another process listens: every LISTEN connection holds a shared advisory lock (<c>listen.sql</c>); the
/// notifier looks for one held by a server process that is not one of this process's listeners
/// (<c>listeners_elsewhere.sql</c>), at most once per <see cref="Recheck"/> and never on an append's path. A process that
/// starts listening may thus miss the wake-ups of up to <see cref="Recheck"/>: its subscribers poll anyway
/// (<see cref="SqlEventStore.PollInterval"/>), and look again at their start, so it only delays them.
/// </para>
/// <para>
/// When someone listens: coalesced and paced (lead7b): the first wake-up after a quiet spell goes at once; appends that
/// commit while one is on its way, or within <see cref="MinInterval"/> of its start, get one more when that interval is
/// over, so the last wake-up always starts after the last commit. The wake-up transaction does not wait for the disk
/// (<c>notify.sql</c>: nothing in it must survive a crash). One that fails is dropped: subscribers poll anyway.
/// </para>
/// </summary>
internal sealed class PostgresNotifier(NpgsqlDataSource source, SqlScripts sql, PostgresWakeups wakeups) : IAsyncDisposable
{
    /// <summary>At most one wake-up per this interval while appends keep coming.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>How long the answer to "does another process listen?" is trusted.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    private const int Idle = 0;
    private const int Sending = 1;
    private const int SendAgain = 2;
    private int _state;
    private Task _running = Task.CompletedTask;
    private bool _othersListen;
    private long _checkedAt = long.MinValue;

    /// <summary>Appends committed: wake other processes' subscribers if any listen (returns at once).</summary>
    public void Signal()
    {
        if (!Volatile.Read(ref _othersListen) && Fresh())
        {
            return;
        }

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

    private bool Fresh()
    {
        var at = Interlocked.Read(ref _checkedAt);
        return at != long.MinValue && Stopwatch.GetElapsedTime(at) < Recheck;
    }

    private async Task SendAsync()
    {
        while (true)
        {
            var started = Stopwatch.StartNew();
            try
            {
                await using var connection = await source.OpenConnectionAsync();
                if (!Fresh())
                {
                    await CheckAsync(connection, CancellationToken.None);
                }

                if (!Volatile.Read(ref _othersListen))
                {
                    // Nobody else listens: nothing to send for the appends signalled so far either.
                    Volatile.Write(ref _state, Idle);
                    return;
                }

                await connection.ExecuteAsync(null, sql["notify"], CancellationToken.None);
            }
            catch (Exception e) when (e is NpgsqlException or ObjectDisposedException or InvalidOperationException or TimeoutException)
            {
                // Dropped: subscribers find the events at their next poll.
            }

            // Paced: signals until the interval is over ride on the next wake-up.
            if (MinInterval - started.Elapsed is { Ticks: > 0 } rest)
            {
                await Task.Delay(rest);
            }

            if (Interlocked.CompareExchange(ref _state, Idle, Sending) == Sending)
            {
                return;
            }

            // Appends committed after this wake-up started (the state was SendAgain): one more for them.
            Volatile.Write(ref _state, Sending);
        }
    }

    /// <summary>
    /// Whether another process listens, asked on <paramref name="connection"/> (the store's open asks it on the connection
    /// that migrated: the first appends find the answer fresh, and the re-checks reuse that pooled connection instead of
    /// opening another server process while appends run).
    /// </summary>
    public async Task CheckAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var mine = wakeups.Listeners.Keys.ToArray();
        var others = await connection.ScalarAsync(null, sql["listeners_elsewhere"], ct, ("mine", mine));
        Volatile.Write(ref _othersListen, others is true);
        Interlocked.Exchange(ref _checkedAt, Stopwatch.GetTimestamp());
    }

    /// <summary>Waits for the wake-up in flight (before the pool it uses is disposed).</summary>
    public async ValueTask DisposeAsync() => await _running;
}
