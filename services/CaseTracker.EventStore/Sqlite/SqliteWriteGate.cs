using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;

namespace CaseTracker.EventStore.Sqlite;

/// <summary>
/// One writer at a time per database file in this process, appends first, otherwise in the order they asked (issue 14). SQLite lets one
/// transaction write at a time; without this, a writer that finds the lock taken sleeps in SQLite's busy handler (1, 2,
/// 5 … 100 ms per retry, however soon the lock is free again) while other writers take the lock in between: under
/// load a command's append waited seconds behind the read-model follower and checkpoint writes. Every write
/// transaction of the process on the file — the appends' writer connection (<see cref="SqliteWriter"/>) and every
/// <see cref="SqliteEventStore.BeginWriteAsync"/> — enters the gate before <c>BEGIN IMMEDIATE</c> and leaves it right
/// after its <c>COMMIT</c> or <c>ROLLBACK</c>, explicitly in code (<see cref="GatedTransaction"/>). Writers in other
/// processes (a command-line import while the host runs) still meet at SQLite's lock and busy handler.
/// </summary>
internal sealed class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    /// <summary>As long as a writer waited for SQLite's lock before (the connections' busy timeout).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Meter of the gate (<see cref="Waited"/>, <see cref="Held"/>; tag <c>writer</c>: append or transaction).</summary>
    public const string MeterName = "CaseTracker.EventStore.Sqlite";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>How long writers waited for their turn (ms).</summary>
    private static readonly Histogram<double> Waited = Meter.CreateHistogram<double>("casetracker.sqlite.write_gate.wait", "ms");

    /// <summary>How long writers held the turn: BEGIN IMMEDIATE to COMMIT or ROLLBACK (ms).</summary>
    private static readonly Histogram<double> Held = Meter.CreateHistogram<double>("casetracker.sqlite.write_gate.hold", "ms");

    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _appends = new();
    private readonly Queue<TaskCompletionSource> _others = new();
    private bool _held;

    /// <summary>The gate of the database file at <paramref name="path"/> (a full path).</summary>
    public static SqliteWriteGate For(string path) => Gates.GetOrAdd(path, _ => new SqliteWriteGate());

    /// <summary>
    /// Waits for the file's other writers of this process to finish; dispose the lease to let the next one in. An append
    /// (<paramref name="append"/>: a command waits for it) goes before the waiting writers that are not appends (the
    /// read-model follower, checkpoints), which only make the read models and subscribers later; each kind in order.
    /// </summary>
    public async Task<Lease> EnterAsync(bool append, CancellationToken ct)
    {
        var asked = Stopwatch.GetTimestamp();
        TaskCompletionSource turn;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return Entered(append, asked);
            }

            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (append ? _appends : _others).Enqueue(turn);
        }

        try
        {
            await turn.Task.WaitAsync(Patience, ct);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            if (turn.TrySetCanceled(CancellationToken.None))
            {
                // Given up before its turn came (Release skips it). What SQLite's busy handler would have said after the same wait.
                throw e is TimeoutException
                    ? new SqliteException($"database is locked: another write of this process held the database for {Patience.TotalSeconds:F0} s", 5)
                    : e;
            }

            // The turn came as the wait ended: take it (cancelled: pass it on).
            if (e is OperationCanceledException)
            {
                Release();
                throw;
            }
        }

        return Entered(append, asked);
    }

    private Lease Entered(bool append, long asked)
    {
        var lease = new Lease(this, append);
        Waited.Record(Stopwatch.GetElapsedTime(asked).TotalMilliseconds, new KeyValuePair<string, object?>("writer", append ? "append" : "transaction"));
        return lease;
    }

    /// <summary>Writers waiting for their turn (tests).</summary>
    internal int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _appends.Count(t => !t.Task.IsCompleted) + _others.Count(t => !t.Task.IsCompleted);
            }
        }
    }

    /// <summary>The next waiting append, else the next other writer, gets the turn; none waiting: the gate opens.</summary>
    private void Release()
    {
        lock (_lock)
        {
            while (_appends.TryDequeue(out var next) || _others.TryDequeue(out next))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }

            _held = false;
        }
    }

    /// <summary>The right to write; released once, by the first <see cref="Dispose"/>.</summary>
    public sealed class Lease(SqliteWriteGate gate, bool append) : IDisposable
    {
        private readonly long _entered = Stopwatch.GetTimestamp();
        private SqliteWriteGate? _gate = gate;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _gate, null) is { } gate)
            {
                Held.Record(Stopwatch.GetElapsedTime(_entered).TotalMilliseconds, new KeyValuePair<string, object?>("writer", append ? "append" : "transaction"));
                gate.Release();
            }
        }
    }

    /// <summary>
    /// A SQLite write transaction that leaves the gate when it commits, rolls back or is disposed. Commands run in it
    /// through <see cref="Sql.Db.Command"/>, which hands SQLite the <see cref="Inner"/> transaction.
    /// </summary>
    /// <param name="ended">Run on the connection once the transaction has ended, before the next writer's turn.</param>
    public sealed class GatedTransaction(SqliteTransaction inner, Lease lease, Action? ended = null) : DbTransaction
    {
        private Action? _ended = ended;

        public SqliteTransaction Inner { get; } = inner;

        public override IsolationLevel IsolationLevel => Inner.IsolationLevel;

        protected override DbConnection? DbConnection => Inner.Connection;

        public override bool SupportsSavepoints => Inner.SupportsSavepoints;

        public override void Commit()
        {
            // A failed COMMIT leaves the transaction to the caller's dispose (a rollback), which then lets the next one in.
            Inner.Commit();
            End();
        }

        public override void Rollback()
        {
            Inner.Rollback();
            End();
        }

        private void End()
        {
            try
            {
                Interlocked.Exchange(ref _ended, null)?.Invoke();
            }
            finally
            {
                lease.Dispose();
            }
        }

        public override void Save(string savepointName) => Inner.Save(savepointName);

        public override void Rollback(string savepointName) => Inner.Rollback(savepointName);

        public override void Release(string savepointName) => Inner.Release(savepointName);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                try
                {
                    Inner.Dispose();
                }
                finally
                {
                    End();
                }
            }

            base.Dispose(disposing);
        }
    }
}
