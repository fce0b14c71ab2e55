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
    protected abstract string Target { get; }

    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    protected Task<SqlEventStore> OpenAnotherStoreAsync(TimeProvider? time = null) => StoreFactory.OpenAsync(Adapter, Target, time);

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        Store = await OpenAnotherStoreAsync(Time);
    }

    public async Task DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        await DropDatabaseAsync();
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
