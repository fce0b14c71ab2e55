using CaseTracker.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Postgres;
using CaseTracker.EventStore.Sql;
using CaseTracker.EventStore.Sqlite;
using CaseTracker.Pipeline;

namespace CaseTracker.Composition;

public enum StoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the event store is: <c>sqlite:PATH</c> (the embedded default) or <c>postgres:CONNECTION</c>.
/// From <c>--store</c>, else the setting <see cref="EnvironmentVariable"/>, else <see cref="Default"/>.
/// </summary>
public sealed record StoreLocation(StoreKind Kind, string Target)
{
    public const string EnvironmentVariable = "CASETRACKER_STORE";

    public static StoreLocation Default { get; } = new(StoreKind.Sqlite, "casetracker.db");

    public static StoreLocation? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon < 0 ? "" : text[..colon].Trim().ToLowerInvariant();
        var target = colon < 0 ? "" : text[(colon + 1)..].Trim();
        return (scheme, target) switch
        {
            (_, "") => throw Invalid(text),
            ("sqlite", _) => new StoreLocation(StoreKind.Sqlite, target),
            ("postgres" or "postgresql", _) => new StoreLocation(StoreKind.Postgres, target),
            _ => throw Invalid(text),
        };
    }

    public async Task<SqlEventStore> OpenAsync(TimeProvider time, CancellationToken ct)
    {
        try
        {
            return Kind == StoreKind.Sqlite
                ? await SqliteEventStore.OpenAsync(Target, time, ct)
                : await PostgresEventStore.OpenAsync(Target, time, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new UserError("--store", $"无法打开事件存储“{this}”：{error.Message}");
        }
    }

    public override string ToString() => Kind == StoreKind.Sqlite ? $"sqlite:{Target}" : "postgres:" + RedactPassword(Target);

    private static string RedactPassword(string connection) =>
        string.Join(';', connection.Split(';').Select(part =>
            part.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase) ? "Password=***" : part));

    private static UserError Invalid(string text) =>
        new("--store", $"--store 的值“{text}”无效：应为 sqlite:文件路径 或 postgres:连接字符串"
            + "（例如 postgres:Host=127.0.0.1;Username=casetracker;Database=casetracker）。");
}
