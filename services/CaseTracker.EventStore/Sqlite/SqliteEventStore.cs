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
public sealed class SqliteEventStore : SqlEventStore
{
    private static readonly ConcurrentDictionary<string, Pulse> Pulses = new();
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();
    private static readonly ConditionalWeakTable<object, object> Configured = [];
    private readonly string _connectionString;
    private readonly Pulse _pulse;
    private readonly SemaphoreSlim _gate;

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
        _gate = Gates.GetOrAdd(Path, _ => new SemaphoreSlim(1, 1));
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

    /// <summary>
    /// BEGIN IMMEDIATE: the write lock is taken at the start, so a version read inside the transaction stays true. Writers
    /// of this process first queue for the file's <see cref="WriteGate"/> (in order, without a thread): SQLite's own busy
    /// handler polls with growing sleeps (up to 100 ms each), so under constant writes a command waited many times longer
    /// than the transactions ahead of it took (issue 14: a milestone's p99 was seconds behind the read models' commits).
    /// </summary>
    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        var sqlite = (SqliteConnection)connection;
        var gate = WriteGate.Of(sqlite, _gate);
        var held = await gate.EnterAsync(ct);
        try
        {
            return sqlite.BeginTransaction(deferred: false);
        }
        catch
        {
            if (held)
            {
                gate.Leave();
            }

            throw;
        }
    }

    protected override Task<IEventWaiter> ListenAsync(CancellationToken ct) => Task.FromResult<IEventWaiter>(new PulseWaiter(_pulse));

    protected override void OnAppended() => _pulse.Fire();

    /// <summary>
    /// The write transactions of one connection through the file's semaphore: entered before BEGIN IMMEDIATE, left when
    /// SQLite commits or rolls the transaction back (its commit and rollback hooks, so no caller has to say so). A writer
    /// that waits longer than the busy timeout goes on without it and meets SQLite's busy handler as before, so a caller
    /// that (wrongly) holds one write transaction while opening another fails as it did, never hangs.
    /// </summary>
    private sealed class WriteGate
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
        private static readonly ConditionalWeakTable<object, WriteGate> OfHandle = [];
        private readonly SemaphoreSlim _semaphore;
        private int _held;

        private WriteGate(SemaphoreSlim semaphore) => _semaphore = semaphore;

        public static WriteGate Of(SqliteConnection connection, SemaphoreSlim semaphore)
        {
            var handle = connection.Handle!;
            if (OfHandle.TryGetValue(handle, out var known))
            {
                return known;
            }

            var gate = new WriteGate(semaphore);
            SQLitePCL.raw.sqlite3_commit_hook(handle, static g => ((WriteGate)g).LeaveOnce(), gate);
            SQLitePCL.raw.sqlite3_rollback_hook(handle, static g => ((WriteGate)g).LeaveOnce(), gate);
            OfHandle.AddOrUpdate(handle, gate);
            return gate;
        }

        /// <summary>Waits for the file's writers ahead; false when it gave up waiting (the busy timeout then applies).</summary>
        public async Task<bool> EnterAsync(CancellationToken ct)
        {
            if (!await _semaphore.WaitAsync(Patience, ct))
            {
                return false;
            }

            Volatile.Write(ref _held, 1);
            return true;
        }

        public void Leave() => LeaveOnce();

        /// <summary>Also called for commits of statements outside <see cref="EnterAsync"/> (autocommit writes): only a held gate is released.</summary>
        private int LeaveOnce()
        {
            if (Interlocked.Exchange(ref _held, 0) == 1)
            {
                _semaphore.Release();
            }

            return 0;
        }
    }

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
