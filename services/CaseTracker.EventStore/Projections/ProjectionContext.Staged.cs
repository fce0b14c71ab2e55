using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using CaseTracker.EventStore.Sql;
using CaseTracker.EventStore.Sqlite;

namespace CaseTracker.EventStore.Projections;

/// <summary>
/// Rows staged in a bulk load (<see cref="Bulk"/>, ProjectionRunner.Bulk.cs): a projection says what a key's rows end
/// as, the context keeps the last word per key and writes the keys staged so far when the runner flushes
/// (<see cref="FlushAsync"/>: every <see cref="ProjectionRunner.BulkKeysPerFlush"/> keys or so, and at the end of the
/// load), in key order, many rows per statement (the script's <c>VALUES (…)</c> repeated; SQLite: prepared and bound by
/// index through the SQLite API, as Microsoft.Data.Sqlite binds each value). A key written by an earlier flush of the
/// same load and staged again is replaced (its delete script first, an upsert's conflict clause), so the rows are those
/// the same projection writes row by row outside a bulk load, and memory holds only the keys since the last flush.
/// </summary>
public sealed partial record ProjectionContext
{
    private const int RowsPerStatement = 100;

    private readonly Dictionary<(string? Delete, string Insert), Dictionary<object, Staged>> _staged = [];

    /// <summary>Per set (delete script), the keys an earlier flush of this load wrote: into an empty table, only those need their delete.</summary>
    private readonly Dictionary<string, HashSet<object>> _flushed = new(StringComparer.Ordinal);

    /// <summary>Multi-row statements of providers other than SQLite, by text, with their parameters (see <see cref="MultiRowCommand"/>).</summary>
    private readonly Dictionary<string, DbCommand> _multiRow = new(StringComparer.Ordinal);

    /// <summary>A bulk load's context: projections stage their rows (<see cref="Stage"/>, <see cref="StageSet"/>) instead of writing them.</summary>
    public bool Bulk { get; init; }

    /// <summary>In a bulk load, the projection's tables held no row when it began: staged sets need no delete first.</summary>
    public bool Empty { get; set; }

    /// <summary>The keys staged since the last flush (all groups).</summary>
    public int StagedKeys { get; private set; }

    /// <summary>A key's last word: its rows, or (<see cref="Source"/>, <see cref="Make"/>) its one row made when written.</summary>
    private sealed record Staged(
        string Key, (string Name, object? Value)[]? Delete, IReadOnlyList<(string Name, object? Value)[]>? Rows,
        object? Source = null, Func<object, (string Name, object? Value)[]>? Make = null)
    {
        public IEnumerable<(string Name, object? Value)[]> Written => Rows ?? [Make!(Source!)];
    }

    /// <summary>The key's one row as of the end of the load (an upsert script: <c>INSERT … VALUES (…) ON CONFLICT …</c>).</summary>
    public void Stage(string insertScript, object key, (string Name, object? Value)[] row) =>
        Put(Group(null, insertScript), key, new Staged(KeyText(key), null, [row]));

    /// <summary>
    /// As <see cref="Stage(string, object, ValueTuple{string, object}[])"/>, the row made from <paramref name="source"/> by
    /// <paramref name="row"/> only when it is written (once per key and flush, however often the key was staged): what stays
    /// in memory until the flush is the source object, not a boxed value per column. <paramref name="source"/> must not
    /// change after it is staged.
    /// </summary>
    public void Stage(string insertScript, object key, object source, Func<object, (string Name, object? Value)[]> row) =>
        Put(Group(null, insertScript), key, new Staged(KeyText(key), null, null, source, row));

    /// <summary>The key's rows as of the end of the load, replacing any it had (<paramref name="deleteScript"/> with <paramref name="delete"/>), none: deleted.</summary>
    public void StageSet(string deleteScript, string insertScript, object key, (string Name, object? Value)[] delete, IReadOnlyList<(string Name, object? Value)[]> rows) =>
        Put(Group(deleteScript, insertScript), key, new Staged(KeyText(key), delete, rows));

    /// <summary>
    /// Writes what was staged since the last flush (before the load's indexes are built and its checkpoints saved):
    /// a set's keys deleted first unless its table was empty when the load began and no earlier flush wrote the key.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        foreach (var ((deleteScript, insertScript), byKey) in _staged)
        {
            var staged = byKey.Values.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
            if (deleteScript is not null)
            {
                var written = _flushed.TryGetValue(deleteScript, out var w) ? w : _flushed[deleteScript] = [];
                var deletes = Empty ? byKey.Where(p => written.Contains(p.Key)).Select(p => p.Value).OrderBy(s => s.Key, StringComparer.Ordinal).ToList() : staged;
                await ExecuteEachAsync(deleteScript, deletes.Select(s => s.Delete!).ToList(), ct);
                if (Empty)
                {
                    written.UnionWith(byKey.Keys);
                }
            }

            await InsertManyAsync(insertScript, staged.SelectMany(s => s.Written), ct);
        }

        _staged.Clear();
        StagedKeys = 0;
    }

    private void Put(Dictionary<object, Staged> group, object key, Staged staged)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(group, key, out var exists);
        slot = staged;
        StagedKeys += exists ? 0 : 1;
    }

    private Dictionary<object, Staged> Group(string? deleteScript, string insertScript)
    {
        if (!Bulk)
        {
            throw new InvalidOperationException("只有批量重建才能暂存读模型的行");
        }

        if (!_staged.TryGetValue((deleteScript, insertScript), out var group))
        {
            _staged[(deleteScript, insertScript)] = group = [];
        }

        return group;
    }

    /// <summary>Keys in the order of the tables' keys: a GUID's text ("D") orders as PostgreSQL's uuid and SQLite's upper-case text do.</summary>
    private static string KeyText(object key) => key switch
    {
        Guid id => id.ToString("D"),
        _ => Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The rows in statements of <see cref="RowsPerStatement"/> rows, each chunk's rows made as it is written.</summary>
    private async Task InsertManyAsync(string script, IEnumerable<(string Name, object? Value)[]> rows, CancellationToken ct)
    {
        if (MultiRow.Of(Sql[script]) is not { } form)
        {
            await ExecuteEachAsync(script, rows.ToList(), ct);
            return;
        }

        using var sqlite = Connection is Microsoft.Data.Sqlite.SqliteConnection connection ? new SqliteRows(connection) : null;
        var chunk = new List<(string Name, object? Value)[]>(RowsPerStatement);
        foreach (var row in rows)
        {
            chunk.Add(row);
            if (chunk.Count == RowsPerStatement)
            {
                await InsertChunkAsync(form, chunk, sqlite, ct);
                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            await InsertChunkAsync(form, chunk, sqlite, ct);
        }
    }

    private async Task InsertChunkAsync(MultiRow form, List<(string Name, object? Value)[]> chunk, SqliteRows? sqlite, CancellationToken ct)
    {
        var values = new object?[chunk.Count * form.Names.Count];
        for (var r = 0; r < chunk.Count; r++)
        {
            foreach (var (name, value) in chunk[r])
            {
                if (form.Index.TryGetValue(name, out var column))
                {
                    values[(r * form.Names.Count) + column] = value;
                }
            }
        }

        if (sqlite is not null)
        {
            sqlite.Run(form.Numbered(chunk.Count), values);
            return;
        }

        var command = MultiRowCommand(form.Named(chunk.Count), values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The command of a multi-row text with its parameters (@p0 … @p<paramref name="count"/>-1), made once per load and
    /// reused: a flush of 100-row statements otherwise made a parameter object per value (2,700 per case-list statement).
    /// </summary>
    private DbCommand MultiRowCommand(string text, int count)
    {
        if (!_multiRow.TryGetValue(text, out var command))
        {
            _multiRow[text] = command = Connection.Command(Transaction, text);
            for (var i = 0; i < count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"p{i}";
                command.Parameters.Add(parameter);
            }
        }

        return command;
    }

    /// <summary>
    /// A one-row script (<c>… VALUES (@a, @b, …) …</c>, its parameters only in that tuple) as many rows: the tuple repeated.
    /// Null when the script is not of that form (then written row by row).
    /// </summary>
    private sealed partial class MultiRow
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, MultiRow?> Forms = new(StringComparer.Ordinal);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(int, bool), string> _texts = new();
        private readonly string _before;
        private readonly string _tuple;
        private readonly string _after;

        private MultiRow(string before, string tuple, string after, List<string> names)
        {
            (_before, _tuple, _after) = (before, tuple, after);
            Names = names;
            Index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        }

        public IReadOnlyList<string> Names { get; }

        public Dictionary<string, int> Index { get; }

        public static MultiRow? Of(string sql) => Forms.GetOrAdd(sql, Parse);

        /// <summary>Parameters ?1, ?2, … (SQLite, bound by index).</summary>
        public string Numbered(int rows) => _texts.GetOrAdd((rows, true), k => Text(k.Item1, i => $"?{i + 1}"));

        /// <summary>Parameters @p0, @p1, … (any provider).</summary>
        public string Named(int rows) => _texts.GetOrAdd((rows, false), k => Text(k.Item1, i => $"@p{i}"));

        private string Text(int rows, Func<int, string> parameter)
        {
            var text = new StringBuilder(_before);
            for (var r = 0; r < rows; r++)
            {
                text.Append(r == 0 ? "" : ", ").Append(Parameter().Replace(_tuple, m => parameter((r * Names.Count) + Index[m.Groups[1].Value])));
            }

            return text.Append(_after).ToString();
        }

        private static MultiRow? Parse(string sql)
        {
            var values = ValuesKeyword().Match(sql);
            if (!values.Success)
            {
                return null;
            }

            var open = values.Index + values.Length - 1;
            var (depth, close) = (0, -1);
            for (var i = open; i < sql.Length && close < 0; i++)
            {
                depth += sql[i] switch { '(' => 1, ')' => -1, _ => 0 };
                close = depth == 0 ? i : -1;
            }

            if (close < 0)
            {
                return null;
            }

            var tuple = sql[open..(close + 1)];
            var names = Parameter().Matches(tuple).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
            var outside = Parameter().IsMatch(sql[..open]) || Parameter().IsMatch(sql[(close + 1)..]);
            return names.Count == 0 || outside ? null : new MultiRow(sql[..open], tuple, sql[(close + 1)..], names);
        }

        [GeneratedRegex(@"@(\w+)")]
        private static partial Regex Parameter();

        [GeneratedRegex(@"\bVALUES\s*\(", RegexOptions.IgnoreCase)]
        private static partial Regex ValuesKeyword();
    }
}
