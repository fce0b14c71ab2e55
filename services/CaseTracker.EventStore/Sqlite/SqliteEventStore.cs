using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using CaseTracker.EventStore.Sql;
using Microsoft.Data.Sqlite;

namespace CaseTracker.EventStore.Sqlite;

/// <summary>
/// The embedded default: one file, write-ahead log, synchronous=FULL (a returned append survives a power cut),
/// a busy timeout so that writers queue instead of failing. Nothing to install.
/// </summary>
public sealed class SqliteEventStore : SqlEventStore, Projections.IReadModelDatabase
{
    private static readonly ConcurrentDictionary<string, Pulse> Pulses = new();
    private static readonly ConditionalWeakTable<object, object> Configured = [];
    private readonly string _connectionString;
    private readonly Pulse _pulse;
    private readonly SqliteWriter _writer;
    private readonly SqliteWriteGate _gate;

    private SqliteEventStore(string path, TimeProvider time)
        : base(new SqlScripts("Sqlite"), time)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _pulse = Pulses.GetOrAdd(Path, _ => new Pulse());
        _gate = SqliteWriteGate.For(Path);
        _writer = new SqliteWriter(_connectionString, Sql, _gate);
    }

    public string Path { get; }

    /// <summary>Opens (creating and migrating if needed) the store in one file.</summary>
    public static async Task<SqliteEventStore> OpenAsync(string path, TimeProvider? time = null, CancellationToken ct = default)
    {
        var store = new SqliteEventStore(path, time ?? TimeProvider.System);
        await using var connection = await store.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(null, store.Sql["database_settings"], ct);
        store.MigrationsApplied = await Migrator.MigrateAsync(connection, store.Sql, store.BeginWriteAsync, ct);
        return store;
    }

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        if (!Configured.TryGetValue(connection.Handle!, out _))
        {
            await connection.ExecuteAsync(null, Sql["connection_settings"], ct);
            Configured.AddOrUpdate(connection.Handle!, Configured);
        }

        return connection;
    }

    /// <summary>The log through the SQLite API (<see cref="SqliteLogReader"/>): payloads deserialized from their UTF-8 bytes.</summary>
    public override async Task<IReadOnlyList<EventEnvelope>> ReadAllAsync(LogPosition after, int maxCount, CancellationToken ct = default)
    {
        await using var connection = (SqliteConnection)await OpenConnectionAsync(ct);
        ct.ThrowIfCancellationRequested();
        return SqliteLogReader.Read(connection, Sql["read_all"], after, maxCount);
    }

    /// <summary>On the store's writer connection (see <see cref="SqliteWriter"/>), the general protocol's decisions.</summary>
    public override async Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, IReadOnlyList<UniqueClaim> claims, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        var result = await _writer.WriteAsync(session =>
        {
            var appended = session.Append(streamId, expected, events);
            if (appended is not AppendResult.Appended { Written: > 0 })
            {
                return (appended, false);
            }

            return session.TakeClaims(claims.Select(c => (c, streamId))) is { } duplicate ? (duplicate, false) : (appended, true);
        }, AfterEventWritten, Now(), ct);
        return Committed(result);
    }

    /// <summary>Every stream in one transaction on the store's writer connection (see <see cref="SqliteWriter"/>).</summary>
    public override async Task<AppendResult> AppendManyAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        if (DuplicateWithinBatch(appends) is { } twice)
        {
            return twice;
        }

        var result = await _writer.WriteAsync(session =>
        {
            var written = 0;
            LogPosition? last = null;
            foreach (var append in appends)
            {
                var result = session.Append(append.StreamId, append.Expected, append.Events);
                if (result is not AppendResult.Appended appended)
                {
                    return (result, false);
                }

                written += appended.Written;
                last = appended.LastPosition ?? last;
            }

            if (written > 0 && session.TakeClaims(appends.SelectMany(a => a.ClaimsOrEmpty.Select(c => (c, a.StreamId)))) is { } duplicate)
            {
                return (duplicate, false);
            }

            return (new AppendResult.Appended(0, last, written), written > 0);
        }, AfterEventWritten, Now(), ct);
        return Committed(result);
    }

    public override async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>An append that wrote events committed them: wake the subscribers.</summary>
    private AppendResult Committed(AppendResult result)
    {
        if (result is AppendResult.Appended { Written: > 0 })
        {
            OnAppended();
        }

        return result;
    }

    // BEGIN IMMEDIATE: the write lock is taken at the start, so a version read inside the transaction stays true. The
    // process's writers of the file take their turns in order at its gate first (see SqliteWriteGate).
    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        var lease = await _gate.EnterAsync(append: false, ct);
        try
        {
            return new SqliteWriteGate.GatedTransaction(((SqliteConnection)connection).BeginTransaction(deferred: false), lease);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The read-model follower's transactions (derived rows and their checkpoints only): committed with synchronous=NORMAL,
    /// i.e. without an fsync of their own (issue 14: the follower's fsync per page was most of its turn at the write lock
    /// a command's append waits for). The next durable commit on the file (an append) syncs the write-ahead log with
    /// them; a power cut before that loses only whole follower commits, which the runners apply again from their
    /// checkpoints. The connection goes back to synchronous=FULL when the transaction ends, before the next writer's turn.
    /// </summary>
    public async Task<DbTransaction> BeginDerivedWriteAsync(DbConnection connection, CancellationToken ct)
    {
        var lease = await _gate.EnterAsync(append: false, ct);
        var sqlite = (SqliteConnection)connection;
        try
        {
            Pragma(sqlite, "PRAGMA synchronous = NORMAL");
            return new SqliteWriteGate.GatedTransaction(sqlite.BeginTransaction(deferred: false), lease, () => Pragma(sqlite, "PRAGMA synchronous = FULL"));
        }
        catch
        {
            try
            {
                Pragma(sqlite, "PRAGMA synchronous = FULL");
            }
            finally
            {
                lease.Dispose();
            }

            throw;
        }
    }

    private static void Pragma(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
    }

    protected override Task<IEventWaiter> ListenAsync(CancellationToken ct) => Task.FromResult<IEventWaiter>(new PulseWaiter(_pulse));

    protected override void OnAppended() => _pulse.Fire();

    /// <summary>Wakes subscribers in this process; other processes' appends are seen at the next poll.</summary>
    private sealed class Pulse
    {
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Next => Volatile.Read(ref _next).Task;

        public void Fire() =>
            Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private sealed class PulseWaiter(Pulse pulse) : IEventWaiter
    {
        public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
        {
            await Task.WhenAny(pulse.Next, Task.Delay(timeout, ct));
            ct.ThrowIfCancellationRequested();
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
