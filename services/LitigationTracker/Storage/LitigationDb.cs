using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LitigationTracker.Storage;

/// <summary>The service's own SQLite file: plain tables, plain SQL, one transaction per change.</summary>
public sealed class LitigationDb(string path)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        DefaultTimeout = 30,
    }.ToString();

    public void Migrate()
    {
        using var stream = typeof(LitigationDb).Assembly.GetManifestResourceStream("LitigationTracker.schema.sql")!;
        using var reader = new StreamReader(stream);
        using var connection = Open();
        Execute(connection, null, "PRAGMA journal_mode = WAL;");
        Execute(connection, null, reader.ReadToEnd());
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, null, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;");
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> under the write lock (BEGIN IMMEDIATE): its reads stay true until commit.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work)
    {
        await using var connection = Open();
        await using var tx = connection.BeginTransaction(deferred: false);
        var result = await work(connection, tx);
        await tx.CommitAsync();
        return result;
    }

    /// <summary>Applies a consumed message once: a message id already handled changes nothing and returns false.</summary>
    public Task<bool> HandleOnceAsync(Guid messageId, Func<SqliteConnection, SqliteTransaction, Task> apply) =>
        WriteAsync(async (connection, tx) =>
        {
            if (Execute(connection, tx, "INSERT OR IGNORE INTO handled_messages (message_id) VALUES ($id)", ("$id", messageId)) == 0)
            {
                return false;
            }

            await apply(connection, tx);
            return true;
        });

    public static int Execute(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters) =>
        Command(connection, tx, sql, parameters).ExecuteNonQuery();

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value switch
            {
                null => DBNull.Value,
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Guid id => id.ToString("D"),
                bool flag => flag ? 1 : 0,
                _ => value,
            });
        }

        return command;
    }

    public static DateOnly Date(SqliteDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
