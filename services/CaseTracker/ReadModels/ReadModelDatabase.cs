using System.Runtime.CompilerServices;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;
using Dapper;

namespace CaseTracker.ReadModels;

/// <summary>Runs a read model's named script (parameters bound by the provider) and reads each row by column name (Dapper).</summary>
public static class ReadModelDatabase
{
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this IReadModelDatabase database, string script, Func<Columns, T> map,
        CancellationToken ct, params (string Name, object? Value)[] args)
    {
        var rows = new List<T>();
        await foreach (var row in database.StreamAsync(script, map, ct, args))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static async IAsyncEnumerable<T> StreamAsync<T>(this IReadModelDatabase database, string script, Func<Columns, T> map,
        [EnumeratorCancellation] CancellationToken ct, params (string Name, object? Value)[] args)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = connection.Command(null, database.Sql[script], args);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var parse = reader.GetRowParser<object>();
        while (await reader.ReadAsync(ct))
        {
            yield return map(Columns.Of(parse(reader)));
        }
    }
}
