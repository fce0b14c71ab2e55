using CaseTracker.Agencies;
using CaseTracker.Benchmarks.Import;
using CaseTracker.Calendar;
using CaseTracker.Composition;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Sql;
using CaseTracker.Ledger;
using CaseTracker.ReadModels;
using CaseTracker.Testing;

namespace CaseTracker.Benchmarks.SpeedStore;

/// <summary>
/// What speed-store and speed-replay start from: a temporary folder with a generated ledger, the store (a SQLite file in
/// the folder, or an ephemeral durable PostgreSQL server), and the import and the read models over it. Disposing it
/// closes the store and deletes the folder, then stops the server.
/// </summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private BenchStore(DirectoryInfo folder, EphemeralPostgres? postgres, string ledger, int ledgerRows, SqlEventStore store)
    {
        (Folder, Postgres, Ledger, LedgerRows, Store) = (folder, postgres, ledger, ledgerRows, store);
        Documents = new DocumentStore(store, TimeProvider.System);
        Import = new LedgerImport(store, new StreamIndex(store), new AgencyDirectory(Documents), CasePolicy.Default, Documents);
        ReadModels = new ReadModelSet(store, store, new PolicySource(CasePolicy.Default, Documents));
    }

    public DirectoryInfo Folder { get; }

    /// <summary>The server (PostgreSQL), else null (SQLite).</summary>
    public EphemeralPostgres? Postgres { get; }

    /// <summary>The generated ledger (CSV) of <see cref="LedgerRows"/> rows.</summary>
    public string Ledger { get; }

    public int LedgerRows { get; }

    public SqlEventStore Store { get; }

    public DocumentStore Documents { get; }

    public LedgerImport Import { get; }

    public ReadModelSet ReadModels { get; }

    /// <summary><paramref name="adapter"/>: sqlite or postgres; <paramref name="rows"/>: the ledger's rows asked for.</summary>
    public static async Task<BenchStore> OpenAsync(string adapter, string name, int rows)
    {
        var folder = Directory.CreateTempSubdirectory($"casetracker-{name}-");
        EphemeralPostgres? postgres = null;
        try
        {
            postgres = adapter == "postgres" ? await EphemeralPostgres.StartAsync(durable: true) : null;
            var ledger = Path.Combine(folder.FullName, "ledger.csv");
            var ledgerRows = ImportBenchmark.WriteLedger(ledger, rows);
            var location = postgres is null
                ? new StoreLocation(StoreKind.Sqlite, Path.Combine(folder.FullName, "store.db"))
                : new StoreLocation(StoreKind.Postgres, postgres.ConnectionString);
            var store = (SqlEventStore)await location.OpenAsync(TimeProvider.System, CancellationToken.None);
            return new BenchStore(folder, postgres, ledger, ledgerRows, store);
        }
        catch
        {
            await CleanUpAsync(folder, postgres);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await CleanUpAsync(Folder, Postgres);
    }

    private static async Task CleanUpAsync(DirectoryInfo folder, EphemeralPostgres? postgres)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }
}
