using System.Globalization;

namespace CaseTracker.ReadModels;

/// <summary>
/// A read-model row as Dapper returns it, read by column name. The two stores hand back different CLR types for the
/// same column (SQLite: TEXT dates, INTEGER booleans, BLOB ids; PostgreSQL: date, boolean, uuid); this reads either.
/// </summary>
public readonly struct Columns(IDictionary<string, object?> row)
{
    public static Columns Of(object row) => new((IDictionary<string, object?>)row);

    public object? this[string column] => row.TryGetValue(column, out var value) ? value is DBNull ? null : value
        : throw new InvalidOperationException($"读模型缺少列 {column}");

    public string String(string column) => NullableString(column) ?? throw Missing(column);

    public string? NullableString(string column) => this[column] is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    public Guid Guid(string column) => this[column] switch
    {
        Guid g => g,
        byte[] bytes => new Guid(bytes),
        string s => System.Guid.Parse(s, CultureInfo.InvariantCulture),
        _ => throw Missing(column),
    };

    public int Int(string column) => Convert.ToInt32(this[column] ?? throw Missing(column), CultureInfo.InvariantCulture);

    public long Long(string column) => Convert.ToInt64(this[column] ?? throw Missing(column), CultureInfo.InvariantCulture);

    public bool Bool(string column) => NullableBool(column) ?? throw Missing(column);

    public bool? NullableBool(string column) => this[column] switch
    {
        null => null,
        bool b => b,
        var v => Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0,
    };

    public DateOnly Date(string column) => NullableDate(column) ?? throw Missing(column);

    public DateOnly? NullableDate(string column) => this[column] switch
    {
        null => null,
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s => DateOnly.ParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
        var v => throw new InvalidCastException($"列 {column} 的值 {v} 不是日期"),
    };

    public DateTimeOffset Time(string column) => this[column] switch
    {
        DateTimeOffset t => t,
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, t.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : t.Kind)),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture),
        _ => throw Missing(column),
    };

    public T Enum<T>(string column) where T : struct, Enum => NullableEnum<T>(column) ?? throw Missing(column);

    public T? NullableEnum<T>(string column) where T : struct, Enum =>
        NullableString(column) is { } name ? System.Enum.Parse<T>(name) : null;

    private static InvalidOperationException Missing(string column) => new($"读模型的列 {column} 为空");
}
