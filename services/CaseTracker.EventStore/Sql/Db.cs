using System.Data.Common;

namespace CaseTracker.EventStore.Sql;

/// <summary>Runs named scripts with <c>@name</c> parameters, the same way on every ADO.NET provider.</summary>
public static class Db
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = ForProvider(tx);
        foreach (var (name, value) in args)
        {
            command.Set(name, value);
        }

        return command;
    }

    /// <summary>
    /// The transaction to give the ADO.NET provider's commands and batches: SQLite's write transactions come wrapped by
    /// the file's write gate (<see cref="Sqlite.SqliteWriteGate"/>), and Microsoft.Data.Sqlite accepts only its own.
    /// </summary>
    public static DbTransaction? ForProvider(DbTransaction? tx) => tx is Sqlite.SqliteWriteGate.GatedTransaction gated ? gated.Inner : tx;

    public static void Set(this DbCommand command, string name, object? value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
            return;
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public static async Task<int> ExecuteAsync(
        this DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        await using var command = connection.Command(tx, sql, args);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<object?> ScalarAsync(
        this DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        await using var command = connection.Command(tx, sql, args);
        var value = await command.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    public static async Task<List<T>> QueryAsync<T>(
        this DbConnection connection, DbTransaction? tx, string sql, Func<DbDataReader, T> map, CancellationToken ct,
        params (string Name, object? Value)[] args)
    {
        await using var command = connection.Command(tx, sql, args);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static T? Nullable<T>(this DbDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}
