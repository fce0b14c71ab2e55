using CaseTracker.EventStore.Sql;
using CaseTracker.EventStore.Tests.Infrastructure;

namespace CaseTracker.EventStore.Tests.Conformance;

/// <summary>
/// What every adapter promises (architecture.md, "Event store semantics"). Each test starts on a fresh, empty
/// database of its own. Derived classes: <see cref="SqliteEventStoreTests"/>, <see cref="PostgresEventStoreTests"/>.
/// </summary>
public abstract partial class EventStoreConformance : IAsyncLifetime
{
    protected static readonly DateOnly Day = new(2023, 9, 22);

    protected FixedTime Time { get; } = new(new DateTimeOffset(2024, 1, 15, 8, 30, 0, TimeSpan.Zero));

    protected SqlEventStore Store { get; private set; } = null!;

    /// <summary>"sqlite" or "postgres", as the crash child takes it.</summary>
    protected abstract string Adapter { get; }

    /// <summary>The database file or connection string of this test's database.</summary>
    protected string Target => _targets[0];

    private readonly List<string> _targets = [];

    /// <summary>A new empty database: its file or connection string.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync(string target);

    protected Task<SqlEventStore> OpenAnotherStoreAsync(TimeProvider? time = null) => StoreFactory.OpenAsync(Adapter, Target, time);

    /// <summary>Another empty database for this test (dropped with the test's own).</summary>
    protected async Task<string> AnotherDatabaseAsync()
    {
        var target = await CreateDatabaseAsync();
        _targets.Add(target);
        return target;
    }

    public async Task InitializeAsync()
    {
        await AnotherDatabaseAsync();
        Store = await OpenAnotherStoreAsync(Time);
    }

    public async Task DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        foreach (var target in _targets)
        {
            await DropDatabaseAsync(target);
        }
    }

    protected static string NewStream() => CaseStreams.For(Guid.NewGuid());

    protected static async Task Dispose(SqlEventStore store)
    {
        if (store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
