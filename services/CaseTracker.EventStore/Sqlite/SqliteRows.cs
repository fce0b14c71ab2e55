using System.Globalization;
using System.Text;
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
    /// <summary>A day as Microsoft.Data.Sqlite writes it (the writer's business dates too).</summary>
    internal const string DateFormat = @"yyyy\-MM\-dd";
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    /// <summary>A time with its offset as Microsoft.Data.Sqlite writes it (the writer's recorded_at too).</summary>
    internal const string TimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";
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

    /// <summary>Text goes to SQLite as UTF-8 written on the stack (SQLite copies it), not as a new array per value.</summary>
    private static int Bind(sqlite3_stmt stmt, int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(stmt, index),
        string text => BindText(stmt, index, text),
        Guid id => BindGuid(stmt, index, id),
        bool flag => raw.sqlite3_bind_int64(stmt, index, flag ? 1 : 0),
        int number => raw.sqlite3_bind_int64(stmt, index, number),
        long number => raw.sqlite3_bind_int64(stmt, index, number),
        DateOnly day => BindFormatted(stmt, index, day, DateFormat),
        DateTimeOffset time => BindFormatted(stmt, index, time, TimeFormat),
        DateTime time => BindFormatted(stmt, index, time, DateTimeFormat),
        double number => raw.sqlite3_bind_double(stmt, index, number),
        byte[] bytes => raw.sqlite3_bind_blob(stmt, index, bytes),
        _ => throw new NotSupportedException($"批量写入不支持的参数类型 {value.GetType().Name}"),
    };

    private static int BindText(sqlite3_stmt stmt, int index, string text)
    {
        if (text.Length > 512)
        {
            return raw.sqlite3_bind_text(stmt, index, text);
        }

        Span<byte> utf8 = stackalloc byte[text.Length * 3];
        return raw.sqlite3_bind_text(stmt, index, utf8[..Encoding.UTF8.GetBytes(text, utf8)]);
    }

    /// <summary>As Microsoft.Data.Sqlite binds a GUID: its upper-case text (the writer's statements bind theirs here too).</summary>
    internal static int BindGuid(sqlite3_stmt stmt, int index, Guid id)
    {
        Span<byte> utf8 = stackalloc byte[36];
        id.TryFormat(utf8, out var written, "D");
        for (var i = 0; i < written; i++)
        {
            utf8[i] = utf8[i] is >= (byte)'a' and <= (byte)'f' ? (byte)(utf8[i] - 32) : utf8[i];
        }

        return raw.sqlite3_bind_text(stmt, index, utf8[..written]);
    }

    private static int BindFormatted<T>(sqlite3_stmt stmt, int index, T value, string format)
        where T : IUtf8SpanFormattable
    {
        Span<byte> utf8 = stackalloc byte[64];
        return value.TryFormat(utf8, out var written, format, CultureInfo.InvariantCulture)
            ? raw.sqlite3_bind_text(stmt, index, utf8[..written])
            : throw new FormatException(value.ToString());
    }

    public void Dispose()
    {
        foreach (var stmt in _statements.Values)
        {
            stmt.Dispose();
        }

        _statements.Clear();
    }
}
