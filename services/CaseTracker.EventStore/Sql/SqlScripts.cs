using System.Collections.Concurrent;

namespace CaseTracker.EventStore.Sql;

/// <summary>
/// The SQL of one dialect, read from the embedded script files: <c>Sql/{Dialect}/name.sql</c> if the dialect has its
/// own, else the shared <c>Sql/Common/name.sql</c>. Migrations are <c>Sql/{Dialect}/Migrations/NNNN_name.sql</c>.
/// </summary>
public sealed class SqlScripts(string dialect)
{
    private const string Prefix = "CaseTracker.EventStore.Sql.";
    private static readonly string[] Resources = typeof(SqlScripts).Assembly.GetManifestResourceNames();
    private readonly ConcurrentDictionary<string, string?> _cache = new();

    public string Dialect { get; } = dialect;

    public string this[string name] =>
        Find(name) ?? throw new InvalidOperationException($"缺少 SQL 脚本 {Dialect}/{name}.sql");

    /// <summary>The script, or null when neither the dialect nor Common has one.</summary>
    public string? Find(string name) => _cache.GetOrAdd(name, n => Load($"{Prefix}{Dialect}/{n}.sql") ?? Load($"{Prefix}Common/{n}.sql"));

    public IReadOnlyList<(int Version, string Name, string Sql)> Migrations() =>
        Resources
            .Where(r => r.StartsWith($"{Prefix}{Dialect}/Migrations/", StringComparison.Ordinal))
            .Select(r => r[(r.LastIndexOf('/') + 1)..^4])
            .Select(file => (int.Parse(file[..4], System.Globalization.CultureInfo.InvariantCulture), file, Load($"{Prefix}{Dialect}/Migrations/{file}.sql")!))
            .OrderBy(m => m.Item1)
            .ToList();

    private static string? Load(string resource)
    {
        using var stream = typeof(SqlScripts).Assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
