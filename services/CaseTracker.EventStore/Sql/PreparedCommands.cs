using System.Data.Common;

namespace CaseTracker.EventStore.Sql;

/// <summary>
/// The commands of one transaction, each script prepared once and reused with new parameter values: a bulk append or
/// a replay runs the same few statements thousands of times, and re-preparing them is most of the cost on SQLite.
/// </summary>
public sealed class PreparedCommands(DbConnection connection, DbTransaction transaction, SqlScripts sql) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public DbCommand Get(string script, params (string Name, object? Value)[] args)
    {
        if (!_commands.TryGetValue(script, out var command))
        {
            _commands[script] = command = connection.Command(transaction, sql[script]);
        }

        foreach (var (name, value) in args)
        {
            command.Set(name, value);
        }

        return command;
    }

    public Task<int> ExecuteAsync(string script, CancellationToken ct, params (string Name, object? Value)[] args) =>
        Get(script, args).ExecuteNonQueryAsync(ct);

    public async Task<object?> ScalarAsync(string script, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        var value = await Get(script, args).ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
    }
}
