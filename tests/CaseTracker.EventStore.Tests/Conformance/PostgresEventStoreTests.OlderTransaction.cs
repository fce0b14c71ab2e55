using Npgsql;

namespace CaseTracker.EventStore.Tests.Conformance;

public sealed partial class PostgresEventStoreTests
{
    /// <summary>
    /// A transaction on another connection that holds a transaction id: while it is open, the log hides commits made after
    /// it began (read_all.sql), as another test process's or the host's transaction does. Commit it to end the hiding.
    /// </summary>
    private async Task<OlderTransaction> OpenOlderTransactionAsync()
    {
        var connection = new NpgsqlConnection(Target);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var xid = new NpgsqlCommand("SELECT pg_current_xact_id()", connection, transaction))
        {
            await xid.ExecuteScalarAsync();
        }

        return new OlderTransaction(connection, transaction);
    }

    private sealed class OlderTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public Task CommitAsync() => transaction.CommitAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
