using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CaseTracker.EventStore.Sqlite;

/// <summary>
/// Many-row statements of a bulk load run through the SQLite API on the load's connection (inside its transaction):
/// prepared once per text, bound by index, each value as Microsoft.Data.Sqlite binds it (a GUID as upper-case text,
/// a day as yyyy-MM-dd, a time as its round-trip text with offset, a flag as 0/1), so the rows are those a command
/// would write. Finalized when disposed.
/// </summary>
internal sealed class SqliteRows(SqliteConnection connection) : IDisposable
{
    private const string DateFormat = @"yyyy\-MM\-dd";
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";
    private const string TimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";
    private readonly Dictionary<string, sqlite3_stmt> _statements = new(StringComparer.Ordinal);

    public void Run(string sql, object?[] values)
    {
        var db = connection.Handle!;
        if (!_statements.TryGetValue(sql, out var stmt))
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out stmt), db);
            _statements[sql] = stmt;
        }

        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                SqliteException.ThrowExceptionForRC(Bind(stmt, i + 1, values[i]), db);
            }

            int rc;
            while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
            {
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }
        }
        finally
        {
            raw.sqlite3_reset(stmt);
            raw.sqlite3_clear_bindings(stmt);
        }
    }

    private static int Bind(sqlite3_stmt stmt, int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(stmt, index),
        string text => raw.sqlite3_bind_text(stmt, index, text),
        Guid id => raw.sqlite3_bind_text(stmt, index, id.ToString("D").ToUpperInvariant()),
        bool flag => raw.sqlite3_bind_int64(stmt, index, flag ? 1 : 0),
        int number => raw.sqlite3_bind_int64(stmt, index, number),
        long number => raw.sqlite3_bind_int64(stmt, index, number),
        DateOnly day => raw.sqlite3_bind_text(stmt, index, day.ToString(DateFormat, CultureInfo.InvariantCulture)),
        DateTimeOffset time => raw.sqlite3_bind_text(stmt, index, time.ToString(TimeFormat, CultureInfo.InvariantCulture)),
        DateTime time => raw.sqlite3_bind_text(stmt, index, time.ToString(DateTimeFormat, CultureInfo.InvariantCulture)),
        double number => raw.sqlite3_bind_double(stmt, index, number),
        byte[] bytes => raw.sqlite3_bind_blob(stmt, index, bytes),
        _ => throw new NotSupportedException($"批量写入不支持的参数类型 {value.GetType().Name}"),
    };

    public void Dispose()
    {
        foreach (var stmt in _statements.Values)
        {
            stmt.Dispose();
        }

        _statements.Clear();
    }
}
